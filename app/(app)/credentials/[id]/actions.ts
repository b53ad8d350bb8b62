"use server";
import { doneAt, runAction } from "@/lib/actions";
import { CATALOGUE_TAG } from "@/lib/data/catalogue";
import * as capabilityMapping from "@/lib/data/capability-mapping";
import * as comments from "@/lib/data/comments";
import * as specifications from "@/lib/data/specifications";
import { startPeriodicReviewNow } from "@/lib/data/open-early";
import type { ActionResult } from "@/lib/result";

// Specification drafting and comments. Every action is one command; these only say which pages change.

type Changed = { credentialId: string; number: number };
const versionPage = (v: Changed) => `/credentials/${v.credentialId}/versions/${v.number}`;
const changedPages = (v: Changed) => [
  `/credentials/${v.credentialId}`,
  versionPage(v),
  `${versionPage(v)}/edit`,
  `${versionPage(v)}/capabilities`,
  "/dashboard",
];

export async function saveSpecification(_prev: ActionResult | null, form: FormData) {
  return runAction(specifications.saveSpecificationVersion, form, {
    revalidate: changedPages,
    // A section's own Save button is answered beside it (SpecificationEditor); the form's button at the end.
    message: (r) => (r.savedSection ? undefined : "Your draft has been saved."),
  });
}

/**
 * The editor's autosave: the same command, lock and audit as the Save button, but the page is not refreshed under
 * the person's typing; the editor takes the new lock version from the result.
 */
export async function autosaveSpecification(_prev: ActionResult | null, form: FormData) {
  return runAction(specifications.saveSpecificationVersion, form, {});
}

export async function saveOutcomeCapabilities(_prev: ActionResult | null, form: FormData) {
  return runAction(capabilityMapping.saveOutcomeCapabilities, form, {
    revalidate: changedPages,
    message: "The outcome's core capabilities have been saved.",
  });
}

export async function saveUncoveredCapabilities(_prev: ActionResult | null, form: FormData) {
  return runAction(capabilityMapping.saveUncoveredCapabilities, form, {
    revalidate: changedPages,
    message: "What you said about the uncovered capabilities has been saved.",
  });
}

export async function submitSpecification(_prev: ActionResult | null, form: FormData) {
  return runAction(specifications.submitSpecificationVersion, form, {
    revalidate: changedPages,
    redirect: (v) => doneAt(versionPage(v), "submitted"),
  });
}

export async function recallSpecification(_prev: ActionResult | null, form: FormData) {
  return runAction(specifications.recallSpecificationVersion, form, {
    revalidate: changedPages,
    redirect: (v) => doneAt(versionPage(v), "recalled"),
  });
}

export async function startNewVersion(_prev: ActionResult | null, form: FormData) {
  return runAction(specifications.startNewVersion, form, { revalidate: changedPages, redirect: (v) => `${versionPage(v)}/edit` });
}

export async function addComment(_prev: ActionResult | null, form: FormData) {
  return runAction(comments.addComment, form, {
    revalidate: changedPages,
    redirect: (c) => `${versionPage(c)}?done=commented#${c.section}`,
  });
}

export async function resolveComment(_prev: ActionResult | null, form: FormData) {
  return runAction(comments.resolveComment, form, {
    revalidate: changedPages,
    redirect: (c) => `${doneAt(versionPage(c), "resolved")}#${c.section}`,
  });
}

export async function reopenComment(_prev: ActionResult | null, form: FormData) {
  return runAction(comments.reopenComment, form, {
    revalidate: changedPages,
    redirect: (c) => `${doneAt(versionPage(c), "reopened")}#${c.section}`,
  });
}

export async function startPeriodicReview(_prev: ActionResult | null, form: FormData) {
  return runAction(startPeriodicReviewNow, form, {
    revalidate: () => ["/periodic-reviews", "/credentials"],
    // The open-data export shows the credential's status.
    tags: () => [CATALOGUE_TAG],
    redirect: (r) => doneAt(`/periodic-reviews/${r.reviewId}`, "opened"),
  });
}
