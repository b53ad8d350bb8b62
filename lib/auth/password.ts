import "server-only";
import { hash, verify } from "@node-rs/argon2";

export const hashPassword = (password: string) => hash(password);

// Verifying against a real hash even when no user matches keeps the response time the
// same, so timing does not reveal which e-mail addresses have accounts.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$m+ianeDY4eTSpEFmk4rDlA$ij/Xf3I/mAEkHT5MF6nkBIYJg5ncEGmp1rKaDtM1BcI";

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash ?? DUMMY_HASH, password);
  } catch {
    return false;
  }
}
