import { randomUUID } from "node:crypto";
import { link, mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { exportJWK, generateKeyPair, type JWK } from "jose";

// The badge signing key's file: shared by `npm start` (which makes sure it exists before the web server and worker
// start) and the app (which reads it). No "server-only" here, so the start script can use it.

export const defaultKeyFile = (root: string) => path.join(root, ".data", "badge-signing-key.jwk");

export function parseJwk(text: string, from: string): JWK {
  let jwk: unknown;
  try {
    jwk = JSON.parse(text);
  } catch {
    throw new Error(`${from} is not a JSON Web Key.`);
  }
  const k = jwk as JWK;
  if (k?.kty !== "OKP" || k.crv !== "Ed25519" || typeof k.x !== "string" || typeof k.d !== "string") {
    throw new Error(`${from} must be an Ed25519 private key as a JWK ({"kty":"OKP","crv":"Ed25519","x":…,"d":…}).`);
  }
  return { kty: k.kty, crv: k.crv, x: k.x, d: k.d };
}

/**
 * The key file's private JWK, generated (readable by its owner only) when the file is missing. Two processes
 * starting at once agree on one key: each writes a draft of its own, and link() lets only the first become the file.
 */
export async function ensureKeyFile(file: string): Promise<JWK> {
  try {
    return parseJwk(await readFile(file, "utf8"), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const { privateKey } = await generateKeyPair("Ed25519", { extractable: true });
  const { kty, crv, x, d } = await exportJWK(privateKey);
  await mkdir(path.dirname(file), { recursive: true });
  const draft = `${file}.${randomUUID()}.tmp`;
  await writeFile(draft, JSON.stringify({ kty, crv, x, d }), { mode: 0o600 });
  try {
    await link(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    await unlink(draft);
  }
  return parseJwk(await readFile(file, "utf8"), file);
}
