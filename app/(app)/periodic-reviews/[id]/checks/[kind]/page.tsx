import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CurrencyCheckForm } from "@/components/periodic-review/CurrencyCheckForm";
import { checkBySlug } from "@/components/periodic-review/checks";
import { BackLink, InsetText, PageHeading } from "@/components/ui";
import { requireRole } from "@/lib/auth/session";
import { getPeriodicReview } from "@/lib/data/periodic-reviews";
import { recordCheck } from "../../../actions";
import { orNotFound, routeId } from "@/lib/params";
import { takesCurrencyChecks } from "@/lib/workflow";

export const metadata: Metadata = { title: "Currency check" };

type Props = { params: Promise<{ id: string; kind: string }> };

export default async function CurrencyCheckPage({ params }: Props) {
  const user = await requireRole("CENTRE_STAFF");
  const { id: rawId, kind } = await params;
  const id = orNotFound(routeId(rawId));
  const check = checkBySlug(kind);
  const review = check ? await getPeriodicReview(user, id) : null;
  if (!check || !review) notFound();
  const recorded = review.checks.find((c) => c.kind === check.key);
  const reviewHref = `/periodic-reviews/${review.id}`;
  return (
    <>
      <BackLink href={reviewHref}>Back to the periodic review</BackLink>
      <PageHeading caption={`${review.credential.reference} ${review.credential.title}: periodic review`} title={check.label} />
      {!takesCurrencyChecks(review.status, user) ? (
        <InsetText>
          <p>This periodic review has been concluded, so its currency checks can no longer be changed.</p>
        </InsetText>
      ) : (
        <CurrencyCheckForm action={recordCheck} review={review} kind={check.key} recorded={recorded} />
      )}
    </>
  );
}
