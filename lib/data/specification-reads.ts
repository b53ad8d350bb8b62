import "server-only";
import { db } from "@/lib/db";
import { credentialScope, specificationScope } from "@/lib/data/scope";
import { missingSectionKeys, versionContext } from "@/lib/data/specifications";
import {
  availableTransitions, canStartNewVersion, check, specificationVersionMachine, type Actor, type Permission,
} from "@/lib/workflow";

// What the credential and specification pages show, scoped to what the signed-in user may see.

/** A credential with the specification versions this user may see, oldest first. */
export async function credentialOverview(actor: Actor, credentialId: string) {
  const credential = await db().credential.findFirst({
    where: { id: credentialId, ...credentialScope(actor) },
    select: {
      id: true, reference: true, title: true, summary: true, origin: true, status: true, version: true,
      endorsedAt: true, reviewDueAt: true, publishedAt: true, ownerOrganisationId: true,
      ownerOrganisation: { select: { name: true } },
      endorsedVersion: { select: { number: true } },
      versions: {
        where: specificationScope(actor),
        orderBy: { number: "asc" },
        select: { id: true, number: true, status: true, version: true, submittedAt: true, decidedAt: true, updatedAt: true },
      },
    },
  });
  if (!credential) return null;
  const latest = credential.versions.at(-1);
  const writer = latest
    ? check(specificationVersionMachine, "edit", "DRAFT", { ...versionContext({ credential }), actor }).ok
    : false;
  const startPermission: Permission | null = latest && writer ? canStartNewVersion(latest.status, credential.status) : null;
  return { ...credential, latest, canWriteDrafts: writer, canStartNewVersion: startPermission?.ok === true };
}

/** One version with its full content, or null when it does not exist or this user may not see it. */
export async function specificationVersionOf(actor: Actor, credentialId: string, number: number) {
  if (!Number.isInteger(number) || number < 1) return null;
  return db().specificationVersion.findFirst({
    where: { credentialId, number, ...specificationScope(actor) },
    include: {
      learningOutcomes: { orderBy: { position: "asc" }, select: { id: true, text: true, pillars: true } },
      epas: { orderBy: { position: "asc" }, select: { id: true, title: true, description: true } },
      credential: {
        select: { id: true, reference: true, title: true, status: true, origin: true, ownerOrganisationId: true },
      },
    },
  });
}

export type SpecificationVersionView = NonNullable<Awaited<ReturnType<typeof specificationVersionOf>>>;

/**
 * What this user may do with the version now, for showing buttons. Submit shows while sections are missing: the
 * refusal then lists them. Whether the user may write it at all is the `edit` rule, whatever the status.
 */
export function versionPermissions(actor: Actor, v: SpecificationVersionView) {
  const ctx = { ...versionContext(v), actor };
  const names = availableTransitions(specificationVersionMachine, v.status, ctx).map((t) => t.name);
  const missing = missingSectionKeys(v);
  return {
    canEdit: names.includes("edit"),
    canSubmit: names.includes("submit"),
    canRecall: names.includes("recall"),
    editRefusal: (() => {
      const verdict = check(specificationVersionMachine, "edit", v.status, ctx);
      return verdict.ok ? null : verdict.reason;
    })(),
    missing,
  };
}

/** The version numbers of a credential this user may see, for the compare page's choices. */
export async function visibleVersionNumbers(actor: Actor, credentialId: string) {
  const rows = await db().specificationVersion.findMany({
    where: { credentialId, ...specificationScope(actor) },
    orderBy: { number: "asc" },
    select: { number: true, status: true },
  });
  return rows;
}
