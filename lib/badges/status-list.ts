import { Bitstring } from "@digitalbazaar/bitstring";

// The W3C Bitstring Status List (v1.0): one bit per issued badge, set when the badge is revoked. Each list holds
// STATUS_LIST_LENGTH bits, the specification's minimum (16 KB), so a list does not tell which badge is checked.

export const STATUS_LIST_LENGTH = 131_072;

/** Badge indexes are PostgreSQL integers, so lists 0 to 16,383 hold every index there can be, and no list follows. */
export const STATUS_LIST_COUNT = Math.floor(2 ** 31 / STATUS_LIST_LENGTH);

/** Whether `list` (digits from a URL) names a status list that can exist. */
export const isStatusList = (list: string) => /^(0|[1-9]\d{0,4})$/.test(list) && Number(list) < STATUS_LIST_COUNT;

export const statusPosition = (index: number) => ({ list: Math.floor(index / STATUS_LIST_LENGTH), bit: index % STATUS_LIST_LENGTH });

/** The list's `encodedList`: multibase base64url (prefix "u") of the GZIP-compressed bitstring, with the given bits set. */
export async function encodeStatusList(setBits: Iterable<number>): Promise<string> {
  const bits = new Bitstring({ length: STATUS_LIST_LENGTH });
  for (const bit of setBits) bits.set(bit, true);
  return `u${await bits.encodeBits()}`;
}

/** Whether `bit` is set in an `encodedList`; undefined when the list cannot be read or is too short. */
export async function statusBit(encodedList: string, bit: number): Promise<boolean | undefined> {
  if (!encodedList.startsWith("u") || !Number.isInteger(bit) || bit < 0) return undefined;
  try {
    const buffer = await Bitstring.decodeBits({ encoded: encodedList.slice(1) });
    if (bit >= buffer.length * 8) return undefined;
    return new Bitstring({ buffer }).get(bit);
  } catch {
    return undefined;
  }
}

/** Every set bit of an `encodedList` (for tests and audits). */
export async function setBitsOf(encodedList: string): Promise<number[]> {
  const buffer = await Bitstring.decodeBits({ encoded: encodedList.slice(1) });
  const bits = new Bitstring({ buffer });
  const set: number[] = [];
  for (let i = 0; i < buffer.length * 8; i++) if (bits.get(i)) set.push(i);
  return set;
}
