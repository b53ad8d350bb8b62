"use server";
import { runAction } from "@/lib/actions";
import { CATALOGUE_TAG } from "@/lib/data/catalogue";
import { concludePeriodicReview, recordCurrencyCheck } from "@/lib/data/periodic-review-commands";
import type { ActionResult } from "@/lib/result";

// Both go back to the review page, which says what was done (`?done=`).

type Prev = ActionResult | null;

const reviewLink = (id: string) => `/periodic-reviews/${id}`;

export async function recordCheck(_prev: Prev, form: FormData) {
  return runAction(recordCurrencyCheck, form, {
    revalidate: ({ id }) => ["/periodic-reviews", reviewLink(id)],
    redirect: ({ id }) => `${reviewLink(id)}?done=recordCheck`,
  });
}

export async function conclude(_prev: Prev, form: FormData) {
  return runAction(concludePeriodicReview, form, {
    revalidate: ({ id, credentialId }) => [
      "/periodic-reviews",
      reviewLink(id),
      "/credentials",
      `/credentials/${credentialId}`,
      "/dashboard",
    ],
    // Every outcome changes the public record: a new review date, a revision under way, or a withdrawal.
    tags: () => [CATALOGUE_TAG],
    redirect: ({ id }) => `${reviewLink(id)}?done=conclude`,
  });
}
