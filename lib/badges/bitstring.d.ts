// @digitalbazaar/bitstring ships no types; this is the part of its API the status list uses.
declare module "@digitalbazaar/bitstring" {
  export class Bitstring {
    constructor(options: { length?: number; buffer?: Uint8Array; leftToRightIndexing?: boolean });
    set(position: number, on: boolean): void;
    get(position: number): boolean;
    encodeBits(): Promise<string>;
    static decodeBits(options: { encoded: string }): Promise<Uint8Array>;
    length: number;
  }
}
