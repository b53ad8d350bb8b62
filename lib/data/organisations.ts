import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** Expert groups, for the "which expert group" select of commissions and pilot registrations. */
export function listExpertGroups() {
  return db().organisation.findMany({ where: { kind: "EXPERT_GROUP" }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}

/** Commissions and credentials belong to an expert group; anything else is a field error on the select. */
export async function assertExpertGroup(tx: Tx, organisationId: string, field = "organisationId") {
  const org = await tx.organisation.findUnique({ where: { id: organisationId }, select: { kind: true } });
  if (org?.kind !== "EXPERT_GROUP") {
    throw new AppError("INVALID_INPUT", "Check the highlighted fields and try again.", { [field]: ["Choose an expert group"] });
  }
}
