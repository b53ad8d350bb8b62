import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AccessFields } from "@/components/accounts/AccessFields";
import { SuccessBanner } from "@/components/ui/SuccessBanner";
import { bannerFor } from "@/lib/done";
import { ActionForm } from "@/components/forms/ActionForm";
import { History } from "@/components/history/History";
import { BackLink, ButtonLink, PageHeading, StatusTag, SummaryList } from "@/components/ui";
import { requireAdmin } from "@/lib/auth/session";
import type { QueryParams } from "@/lib/data/paging";
import { organisationOptions } from "@/lib/data/organisations";
import { personDetail } from "@/lib/data/people";
import { formatDateTime } from "@/lib/format";
import { orNotFound, routeId } from "@/lib/params";
import { describeExpertise, REVIEWER_EXPERTISE, REVIEWER_EXPERTISE_LABELS, ROLE_LABELS } from "@/lib/workflow";
import { FormCheckboxes, FormTextInput } from "@/components/forms/Fields";
import { ACCOUNT_STATUS_LABELS } from "@/lib/workflow/account";
import { changePerson, changeReviewerExpertise, reactivatePerson, resendInvitation } from "../actions";

export const metadata: Metadata = { title: "Person" };

const DONE: Record<string, string> = {
  invited: "The invitation was sent.",
  resent: "A new invitation was sent; the earlier link no longer works.",
  unchanged: "Nothing was changed: the role, organisation and admin rights were already as chosen.",
  changed: "Their access was changed. They have been signed out and will see the change when they sign in again.",
  deactivated: "Their account was deactivated and they were signed out everywhere.",
  reactivated: "Their account was reactivated.",
  expertise: "Their reviewer expertise was saved.",
  "unchanged-expertise": "Nothing was changed: their expertise was already as chosen.",
};

export default async function PersonPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<QueryParams & { done?: string }>;
}) {
  const user = await requireAdmin();
  const [{ id: rawId }, query] = await Promise.all([params, searchParams]);
  const id = orNotFound(routeId(rawId));
  const [person, organisations] = await Promise.all([personDetail(user, id), organisationOptions(user)]);
  if (!person) notFound();
  const seenAt = person.updatedAt.toISOString();
  return (
    <>
      <BackLink href="/admin/people">People</BackLink>
      <PageHeading caption="Person" title={person.name} />
      <SuccessBanner banner={bannerFor(DONE, query.done)} />
      <SummaryList
        rows={[
          { key: "Email", value: person.email },
          { key: "Status", value: <StatusTag status={person.status} label={ACCOUNT_STATUS_LABELS[person.status]} /> },
          ...(person.deactivatedReason ? [{ key: "Reason for deactivating", value: person.deactivatedReason }] : []),
          { key: "Role", value: `${ROLE_LABELS[person.role]}${person.isAdmin ? " (Centre admin)" : ""}` },
          { key: "Organisation", value: person.organisation?.name ?? "None" },
          ...(person.role === "REVIEWER"
            ? [{ key: "Reviewer expertise", value: describeExpertise(person.expertise, person.clinicalProfessions) }]
            : []),
          { key: "Last signed in", value: person.lastSignInAt ? formatDateTime(person.lastSignInAt) : "Never" },
          { key: "Account created", value: formatDateTime(person.createdAt) },
        ]}
      />
      {person.status === "INVITED" ? (
        <section aria-labelledby="invitation-heading" className="mb-8">
          <h2 id="invitation-heading" className="mb-4 text-2xl font-bold">
            Invitation
          </h2>
          <p className="mb-4">
            They have not accepted their invitation yet. Sending a new one replaces the earlier link, for another 7 days.
          </p>
          <ActionForm
            action={resendInvitation}
            hidden={{ id: person.id }}
            submitLabel="Send the invitation again"
            submitVariant="secondary"
          />
        </section>
      ) : null}
      {person.role === "REVIEWER" ? (
        <section aria-labelledby="expertise-heading" className="mb-8">
          <h2 id="expertise-heading" className="mb-4 text-2xl font-bold">
            Reviewer expertise
          </h2>
          <p className="mb-4">
            An endorsement review needs at least one reviewer with academic and one with clinical expertise before it can be decided.
          </p>
          <ActionForm
            action={changeReviewerExpertise}
            hidden={{ id: person.id, seenAt }}
            submitLabel="Save expertise"
            labels={{ expertise: "Expertise", clinicalProfessions: "Professions of their clinical expertise" }}
          >
            <FormCheckboxes
              name="expertise"
              label="Expertise"
              hint="Select all that apply."
              options={REVIEWER_EXPERTISE.map((e) => ({ value: e, label: REVIEWER_EXPERTISE_LABELS[e] }))}
              defaultValue={person.expertise}
            />
            <FormTextInput
              name="clinicalProfessions"
              label="Professions of their clinical expertise"
              hint="For clinical expertise only, separated by commas, for example Paramedic, Nurse"
              defaultValue={person.clinicalProfessions.join(", ")}
            />
          </ActionForm>
        </section>
      ) : null}
      <section aria-labelledby="access-heading" className="mb-8">
        <h2 id="access-heading" className="mb-4 text-2xl font-bold">
          Change role or organisation
        </h2>
        <p className="mb-4">A change signs them out everywhere at once, so it applies from their next request.</p>
        <ActionForm
          action={changePerson}
          hidden={{ id: person.id, seenAt }}
          submitLabel="Save changes"
          labels={{ role: "Role", organisationId: "Organisation", isAdmin: "Centre admin" }}
        >
          <AccessFields organisations={organisations} defaults={person} />
        </ActionForm>
      </section>
      <section aria-labelledby="status-heading" className="mb-8">
        <h2 id="status-heading" className="mb-4 text-2xl font-bold">
          {person.active ? "Deactivate" : "Reactivate"}
        </h2>
        {person.active ? (
          <>
            <p className="mb-4">
              They will be signed out everywhere and cannot sign in until reactivated. Their work and its history stay.
            </p>
            <ButtonLink href={`/admin/people/${person.id}/deactivate`} variant="warning">
              Deactivate account
            </ButtonLink>
          </>
        ) : (
          <>
            <p className="mb-4">They will be able to sign in again with their password.</p>
            <ActionForm
              action={reactivatePerson}
              hidden={{ id: person.id, seenAt }}
              submitLabel="Reactivate account"
              submitVariant="secondary"
            />
          </>
        )}
      </section>
      <History entityIds={[person.id]} basePath={`/admin/people/${person.id}`} searchParams={query} />
    </>
  );
}
