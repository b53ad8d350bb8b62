import "server-only";
import type { Tx } from "@/lib/db";
import { AppError, stale } from "@/lib/errors";
import type { Actor } from "@/lib/workflow";

// What every admin read and command checks first: that the actor is, in the database, an active Centre admin.

const INVALID = "Check the highlighted fields and try again.";
export const fieldError = (field: string, message: string) => new AppError("INVALID_INPUT", INVALID, { [field]: [message] });

export async function assertAdmin(tx: Tx, actor: Actor) {
  const row =
    actor.role === "SYSTEM" ? null : await tx.user.findUnique({ where: { id: actor.id }, select: { isAdmin: true, active: true } });
  if (!row?.isAdmin || !row.active) throw new AppError("NOT_ALLOWED", "Only Centre admins can make this change.");
}

/** The form's `seenAt` must still be the row's `updatedAt`: otherwise someone changed it since the page was shown. */
export function assertSeen(row: { updatedAt: Date }, seenAt: string) {
  if (row.updatedAt.getTime() !== new Date(seenAt).getTime()) throw stale();
}
