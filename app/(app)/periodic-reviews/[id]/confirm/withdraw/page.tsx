import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ConfirmTransition } from "@/components/workflow/ConfirmTransition";
import { requireRole } from "@/lib/auth/session";
import { getPeriodicReview } from "@/lib/data/periodic-reviews";
import { orNotFound, routeId } from "@/lib/params";
import { check, incompleteCurrencyChecks, periodicReviewMachine } from "@/lib/workflow";
import { conclude } from "../../../actions";

export const metadata: Metadata = { title: "Withdraw the credential" };

export default async function ConfirmWithdrawalPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("CENTRE_STAFF");
  const id = orNotFound(routeId((await params).id));
  const review = await getPeriodicReview(user, id);
  if (!review) notFound();
  const { credential } = review;
  const record = `/periodic-reviews/${review.id}`;
  const verdict = check(periodicReviewMachine, "conclude", review.status, {
    incompleteChecks: incompleteCurrencyChecks(review.checks.map((c) => c.kind)),
    outcome: "WITHDRAWN",
    rationale: "-",
    actor: user,
  });
  return (
    <ConfirmTransition
      breadcrumbs={[
        { href: `/credentials/${credential.id}`, label: `${credential.reference} ${credential.title}` },
        { href: record, label: `Periodic review of ${credential.title}` },
      ]}
      caption={credential.reference}
      title={`Withdraw ${credential.reference} ${credential.title}?`}
      action={conclude}
      hidden={{ id: review.id, version: review.version, outcome: "WITHDRAWN" }}
      reason={{
        name: "rationale",
        label: "Reason for withdrawing the credential",
        hint: "In the light of the four currency checks. It is kept on the review and shown to providers with delivery plans.",
      }}
      confirmLabel="Yes, withdraw this credential"
      recordHref={record}
      refusal={verdict.ok ? undefined : verdict.reason}
    >
      <ul className="list-disc pl-6">
        <li>The periodic review is concluded with the outcome Withdrawn; this cannot be undone.</li>
        <li>The credential leaves the public catalogue list; its catalogue page says it was withdrawn.</li>
        <li>No new delivery plans can start, and its active delivery plans are flagged for the Centre to suspend or close.</li>
      </ul>
    </ConfirmTransition>
  );
}
