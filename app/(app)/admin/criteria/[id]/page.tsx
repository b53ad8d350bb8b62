import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { CRITERION_LABELS, CriterionFields } from "@/components/criteria/CriterionFields";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormDateInput, FormTextArea, FormTextInput } from "@/components/forms/Fields";
import { History } from "@/components/history/History";
import { BackLink, InsetText, PageHeading, StatusTag, SummaryList, Table } from "@/components/ui";
import { SuccessBanner } from "@/components/ui/SuccessBanner";
import { requireAdmin } from "@/lib/auth/session";
import { criteriaSetDetail } from "@/lib/data/criteria-sets";
import type { QueryParams } from "@/lib/data/paging";
import { bannerFor } from "@/lib/done";
import { formatDate } from "@/lib/format";
import { orNotFound, routeId } from "@/lib/params";
import { CRITERIA_SET_KIND_LABELS, criteriaSetMachine, MAX_CRITERIA_PER_SET } from "@/lib/workflow";
import { addCriterion, changeCriteriaSetDetails, publishCriteriaSet, removeCriterion } from "../actions";

export const metadata: Metadata = { title: "Criteria set" };

const DONE: Record<string, string> = {
  drafted: "A new draft version was made, copied from the latest version. Change it, then publish it.",
  details: "The name and source were saved.",
  added: "The criterion was added to the draft.",
  changed: "The criterion was saved.",
  removed: "The criterion, and any parts of it, were removed from the draft.",
  published: "The version was published. New reviews use it from the date it takes effect; past reviews keep the version they used.",
};

export default async function CriteriaSetPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<QueryParams & { done?: string }>;
}) {
  const user = await requireAdmin();
  const [{ id: rawId }, query] = await Promise.all([params, searchParams]);
  const set = await criteriaSetDetail(user, orNotFound(routeId(rawId)));
  if (!set) notFound();
  const draft = set.status === "DRAFT";
  const byId = new Map(set.criteria.map((c) => [c.id, c]));
  const hidden = { id: set.id, version: set.version };
  return (
    <>
      <BackLink href="/admin/criteria">Criteria sets</BackLink>
      <PageHeading caption={CRITERIA_SET_KIND_LABELS[set.kind]} title={`Version ${set.number}: ${set.name}`} />
      <SuccessBanner banner={bannerFor(DONE, query.done)} />
      <SummaryList
        rows={[
          { key: "Status", value: <StatusTag status={set.status} label={criteriaSetMachine.labels[set.status]} /> },
          { key: "In effect from", value: set.effectiveFrom ? formatDate(set.effectiveFrom) : "Not yet published" },
          { key: "Source", value: set.source || "Not given" },
          {
            key: set.kind === "GATEWAY" ? "Priorities assessed with it" : "Reviews that used it",
            value: String(set.kind === "GATEWAY" ? set._count.priorities : set._count.endorsementReviews),
          },
        ]}
      />
      {draft ? null : (
        <InsetText>
          <p>
            A published version never changes, so the reviews that used it read as they were made. To change the criteria, draft a new
            version.
          </p>
        </InsetText>
      )}
      <Table
        caption={`${set.criteria.length} ${set.criteria.length === 1 ? "criterion" : "criteria"}`}
        rowHeader="criterion"
        columns={[
          { key: "criterion", header: "Criterion" },
          { key: "text", header: "What it asks, and guidance" },
          { key: "rated", header: "Rated by reviewers" },
          ...(draft ? [{ key: "action", header: "Action" }] : []),
        ]}
        rows={set.criteria.map((c) => ({
          criterion: (
            <>
              <strong>{c.number}</strong> {c.title}
              {c.parentId ? <span className="block text-nhs-secondary">Part of {byId.get(c.parentId)?.number}</span> : null}
            </>
          ),
          text: (
            <>
              <p className="mb-2">{c.description}</p>
              {c.guidance ? <p className="mb-0 whitespace-pre-line text-nhs-secondary">Guidance: {c.guidance}</p> : null}
            </>
          ),
          rated: c.ratable ? "Yes" : "No, its parts are",
          action: draft ? (
            <>
              <Link href={`/admin/criteria/${set.id}/${c.id}`} className="mb-2 block">
                Change<span className="sr-only"> criterion {c.number}</span>
              </Link>
              <ActionForm
                action={removeCriterion}
                hidden={{ ...hidden, criterionId: c.id }}
                submitLabel={`Remove ${c.number}`}
                submitVariant="secondary"
              />
            </>
          ) : null,
        }))}
        empty="No criteria yet."
      />
      {draft ? (
        <>
          <section aria-labelledby="add-heading" className="mb-8">
            <h2 id="add-heading" className="mb-4 text-2xl font-bold">
              Add a criterion
            </h2>
            {set.criteria.length >= MAX_CRITERIA_PER_SET ? (
              <p>This set holds the most criteria a set may have ({MAX_CRITERIA_PER_SET}).</p>
            ) : (
              <ActionForm action={addCriterion} hidden={hidden} labels={CRITERION_LABELS} submitLabel="Add criterion">
                <CriterionFields parents={set.criteria} />
              </ActionForm>
            )}
          </section>
          <section aria-labelledby="details-heading" className="mb-8">
            <h2 id="details-heading" className="mb-4 text-2xl font-bold">
              Name and source
            </h2>
            <ActionForm
              action={changeCriteriaSetDetails}
              hidden={hidden}
              labels={{ name: "Name", source: "Where the criteria are published" }}
              submitLabel="Save name and source"
              submitVariant="secondary"
            >
              <FormTextInput name="name" label="Name" defaultValue={set.name} />
              <FormTextArea
                name="source"
                label="Where the criteria are published"
                hint="The title and address of the Centre's page"
                rows={2}
                defaultValue={set.source}
              />
            </ActionForm>
          </section>
          <section aria-labelledby="publish-heading" className="mb-8">
            <h2 id="publish-heading" className="mb-4 text-2xl font-bold">
              Publish this version
            </h2>
            <p className="mb-4">
              From the date it takes effect, new gateway assessments or endorsement reviews use this version. Reviews already open keep the
              version they started with.
            </p>
            <ActionForm action={publishCriteriaSet} hidden={hidden} labels={{ effectiveFrom: "Takes effect on" }} submitLabel="Publish">
              <FormDateInput name="effectiveFrom" label="Takes effect on" hint="Today or later, for example 1 4 2027" />
            </ActionForm>
          </section>
        </>
      ) : null}
      <History entityIds={[set.id]} basePath={`/admin/criteria/${set.id}`} searchParams={query} />
    </>
  );
}
