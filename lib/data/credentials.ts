import "server-only";
import { LIST_PAGE_SIZE, oneOf, pageNumber, pageResult, pageWindow } from "@/lib/data/paging";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { listTotal } from "@/lib/data/totals";
import { credentialScope, currentReviewerAssignment, specificationScope } from "@/lib/data/scope";
import { CREDENTIAL_ORIGINS, CREDENTIAL_STATES, SPECIFICATION_STATES, type Actor } from "@/lib/workflow";

// Credentials as each role may see them, with the latest specification version that role may see.

export type CredentialFilters = { status?: string; origin?: string; version?: string; assigned?: string; page?: string };

export const CREDENTIALS_PAGE_SIZE = LIST_PAGE_SIZE;

/** One page of credentials and the total matching: two queries, whatever the number of rows. */
export async function listCredentials(actor: Actor, filters: CredentialFilters = {}) {
  const status = oneOf(CREDENTIAL_STATES, filters.status);
  const origin = oneOf(CREDENTIAL_ORIGINS, filters.origin);
  const version = oneOf(SPECIFICATION_STATES, filters.version);
  const visibleVersion = specificationScope(actor);
  const scope = credentialScope(actor);
  const mine = filters.assigned === "me" && actor.role === "REVIEWER";
  const where: Prisma.CredentialWhereInput = {
    AND: [
      scope,
      status ? { status } : {},
      origin ? { origin } : {},
      version ? { versions: { some: { AND: [visibleVersion, { status: version }] } } } : {},
      // Only reviewers have endorsement assignments; a withdrawn assignment is no longer theirs to do.
      mine ? { versions: { some: { review: { assignments: { some: currentReviewerAssignment(actor) } } } } } : {},
    ],
  };
  const page = pageNumber(filters.page);
  const [rows, total] = await Promise.all([
    db().credential.findMany({
      where,
      orderBy: { reference: "asc" },
      ...pageWindow(page, CREDENTIALS_PAGE_SIZE),
      select: {
        id: true,
        reference: true,
        title: true,
        origin: true,
        status: true,
        ownerOrganisation: { select: { name: true } },
        versions: { where: visibleVersion, orderBy: { number: "desc" }, take: 1, select: { number: true, status: true } },
      },
    }),
    mine
      ? db().credential.count({ where })
      : listTotal("credentials", { ...scope, ...visibleVersion }, [status, origin, version].join(), () => db().credential.count({ where })),
  ]);
  return pageResult(rows, total, page, CREDENTIALS_PAGE_SIZE);
}
