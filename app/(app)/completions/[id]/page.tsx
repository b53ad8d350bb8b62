import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { RECOGNITION_ROUTE_LABELS } from "@/lib/workflow/practitioner";
import { notFound } from "next/navigation";
import { History } from "@/components/history/History";
import type { QueryParams } from "@/lib/data/paging";
import { TransitionButton } from "@/components/workflow/TransitionForms";
import { Breadcrumbs, ButtonLink, PageHeading, StatusTag, SuccessBanner, SummaryList } from "@/components/ui";
import { requireRole } from "@/lib/auth/session";
import { badgeLink, getCompletion } from "@/lib/data/completions";
import { formatDate, formatDateTime } from "@/lib/format";
import { availableTransitions, completionMachine } from "@/lib/workflow";
import { changeDirectoryListing, recogniseCompletion } from "../actions";
import { ActionForm } from "@/components/forms/ActionForm";
import { orNotFound, routeId } from "@/lib/params";
import { bannerFor } from "@/lib/done";

export const metadata: Metadata = { title: "Completion" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<QueryParams & { done?: string }> };

const DONE = {
  record: { heading: "Completion recorded", body: "The completion was recorded. The Centre has been told and will recognise it." },
  recognise: { heading: "Completion recognised", body: "The completion was recognised and its digital badge issued." },
  list: {
    heading: "Listed in the directory",
    body: "The practitioner now appears in the public directory with their recognised credentials.",
  },
  unlist: { heading: "Removed from the directory", body: "The practitioner no longer appears in the public directory." },
  revoke: {
    heading: "Completion revoked",
    body: "The completion was revoked. Its badge now shows as revoked to anyone who checks it; the reason is shown below.",
  },
};

export default async function CompletionPage({ params, searchParams }: Props) {
  const user = await requireRole("CENTRE_STAFF", "PROVIDER");
  const [{ id: rawId }, query] = await Promise.all([params, searchParams]);
  const id = orNotFound(routeId(rawId));
  const done = typeof query.done === "string" ? query.done : undefined;
  const c = await getCompletion(user, id);
  if (!c) notFound();
  const available = availableTransitions(completionMachine, c.status, { actor: user, reason: "given in the form" });
  const can = (name: string) => available.find((t) => t.name === name);
  const recognise = can("recognise");
  const revoke = can("revoke");
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/delivery-plans", label: "Delivery plans" },
          { href: `/delivery-plans/${c.plan.id}`, label: c.plan.programmeTitle },
        ]}
      />
      <SuccessBanner banner={bannerFor(DONE, done)} />
      <PageHeading caption={`${c.credential.reference} ${c.credential.title}`} title={c.practitionerName} />
      <p className="mb-6">
        Status: <StatusTag status={c.status} label={completionMachine.labels[c.status]} />
      </p>
      <SummaryList
        rows={[
          { key: "Practitioner", value: c.practitionerName },
          { key: "Professional registration", value: c.registration },
          { key: "Profession", value: c.profession },
          {
            key: "Recognised at advanced level through",
            value: c.practitioner.recognitionRoute ? RECOGNITION_ROUTE_LABELS[c.practitioner.recognitionRoute] : "Not recorded",
          },
          { key: "Public directory", value: c.practitioner.listedInDirectory ? "Agreed to be listed" : "Not listed" },
          { key: "Credential", value: `${c.credential.reference} ${c.credential.title}` },
          { key: "Education provider", value: c.organisation.name },
          { key: "Delivery plan", value: <Link href={`/delivery-plans/${c.plan.id}`}>{c.plan.programmeTitle}</Link> },
          { key: "Completed the credential on", value: formatDate(c.completedOn) },
          { key: "Recorded", value: formatDateTime(c.createdAt) },
          ...(c.recognisedAt ? [{ key: "Recognised", value: formatDateTime(c.recognisedAt) }] : []),
          ...(c.badgeId
            ? [{ key: "Digital badge", value: <Link href={badgeLink(c.badgeId)}>Verify the badge for {c.practitionerName}</Link> }]
            : []),
          ...(c.status === "REVOKED" && c.reason ? [{ key: "Reason for revoking", value: c.reason }] : []),
        ]}
      />
      {recognise || revoke ? (
        <section aria-labelledby="actions-heading" className="mb-8">
          <h2 id="actions-heading" className="mb-4 text-2xl font-bold">
            What you can do
          </h2>
          {recognise ? (
            <>
              <p className="mb-4">Recognising the completion issues a verifiable digital badge (Open Badges 3.0) that anyone can check.</p>
              <TransitionButton action={recogniseCompletion} id={c.id} version={c.version} submitLabel={recognise.label} />
            </>
          ) : null}
          {revoke ? (
            <p>
              <ButtonLink href={`/completions/${c.id}/confirm/revoke`} variant="warning">
                Revoke completion
              </ButtonLink>
            </p>
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="directory-heading" className="mb-8">
        <h2 id="directory-heading" className="mb-4 text-2xl font-bold">
          Public directory
        </h2>
        <p className="mb-4">
          {c.practitioner.listedInDirectory
            ? `${c.practitionerName} agreed to be listed in the public directory. Remove them as soon as they ask.`
            : `${c.practitionerName} is not listed in the public directory. List them only if they agree.`}
        </p>
        <ActionForm
          action={changeDirectoryListing}
          hidden={{
            id: c.practitioner.id,
            version: c.practitioner.version,
            completionId: c.id,
            listedInDirectory: c.practitioner.listedInDirectory ? "no" : "yes",
          }}
          submitLabel={c.practitioner.listedInDirectory ? "Remove from the directory" : "List in the directory (they agreed)"}
          submitVariant="secondary"
        />
      </section>
      <History entityIds={[c.id]} basePath={`/completions/${id}`} searchParams={query} />
    </>
  );
}
