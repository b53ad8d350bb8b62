import "server-only";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/workflow";

/** How long a rendered form's token guards against a repeat; a page left open longer submits as new. */
export const SUBMISSION_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Claims a form's token for the acting user inside the command's transaction, and returns
 * null (go ahead) or the result the first submission recorded. Two submissions at once both
 * insert the same key: PostgreSQL makes the second wait until the first commits, then skips it,
 * and the second reads the committed result. If the first rolled back, the second claims it.
 * Expired tokens of the user are removed on the way (lazy cleanup).
 */
export async function claimSubmission(tx: Tx, actor: Actor, token: string): Promise<{ result: unknown } | null> {
  await tx.formSubmission.deleteMany({ where: { userId: actor.id, createdAt: { lt: new Date(Date.now() - SUBMISSION_TTL_MS) } } });
  const { count } = await tx.formSubmission.createMany({ data: [{ userId: actor.id, token }], skipDuplicates: true });
  if (count === 1) return null;
  const earlier = await tx.formSubmission.findUnique({ where: { userId_token: { userId: actor.id, token } }, select: { result: true } });
  return { result: earlier?.result ?? undefined };
}

/**
 * Records what the command returned with the claimed token. The repeat gets it as JSON (dates as
 * ISO strings), which is all the redirect and revalidation after a change read: ids and names.
 */
export async function recordSubmission(tx: Tx, actor: Actor, token: string, result: unknown): Promise<void> {
  const json = result === undefined ? undefined : JSON.parse(JSON.stringify(result, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
  const id = json && typeof json === "object" && typeof json.id === "string" ? (json.id as string) : null;
  await tx.formSubmission.update({
    where: { userId_token: { userId: actor.id, token } },
    data: { result: json ?? Prisma.DbNull, resultId: id },
  });
}
