import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormRadios, FormTextArea, FormTextInput } from "@/components/forms/Fields";
import { History } from "@/components/history/History";
import { DiffText } from "@/components/specification/VersionDiff";
import { Breadcrumbs, InsetText, PageHeading, StatusTag, SuccessBanner, SummaryList, Table, VisuallyHidden } from "@/components/ui";
import { requireUser } from "@/lib/auth/session";
import { planLink } from "@/lib/data/delivery-plans";
import type { QueryParams } from "@/lib/data/paging";
import { getRemappingTask, remappingLink, type RemappingTaskView } from "@/lib/data/remapping";
import { diffWords } from "@/lib/diff";
import { transitionBanner } from "@/lib/done";
import { formatDate } from "@/lib/format";
import { orNotFound, routeId } from "@/lib/params";
import { remappingMachine, type OutcomeChange } from "@/lib/workflow";
import { approveRemappingAction, returnRemappingAction, saveRemappingAction } from "../actions";

export const metadata: Metadata = { title: "Re-map a delivery plan" };

const NEXT = {
  save: "Your mapping is saved; submit it to the Centre before the deadline.",
  submit: "The Centre has been told and will approve the re-mapping or return it with a reason.",
  approve: "The plan now delivers the new specification version; the provider has been told.",
  return: "The provider has been told why, and can submit again.",
};

const CHANGE_LABELS: Record<OutcomeChange, string> = { UNCHANGED: "Unchanged", CHANGED: "Changed", NEW: "New" };

export default async function RemappingTaskPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<QueryParams>;
}) {
  const user = await requireUser();
  const id = orNotFound(routeId((await params).id));
  const query = await searchParams;
  const task = await getRemappingTask(user, id);
  if (!task) notFound();
  const may = (name: string) => task.available.some((t) => t.name === name);
  const editing = may("submit");
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/delivery-plans", label: "Delivery plans" },
          { href: planLink(task.plan.id), label: task.plan.programmeTitle },
        ]}
      />
      <SuccessBanner banner={transitionBanner(remappingMachine, query.done, NEXT)} />
      <PageHeading
        caption={`${task.organisation.name}: ${task.plan.programmeTitle}`}
        title={`Re-map to version ${task.toVersion.number}`}
      />
      <p className="mb-6">
        Status: <StatusTag status={task.status} label={remappingMachine.labels[task.status]} />
      </p>
      <SummaryList
        rows={[
          { key: "Delivery plan", value: <Link href={planLink(task.plan.id)}>{task.plan.programmeTitle}</Link> },
          {
            key: "Credential",
            value: <Link href={`/credentials/${task.credential.id}`}>{`${task.credential.reference} ${task.credential.title}`}</Link>,
          },
          { key: "Specification version", value: `From version ${task.fromVersion.number} to version ${task.toVersion.number}` },
          { key: "Deadline", value: formatDate(task.dueOn) },
          ...(task.submittedAt ? [{ key: "Submitted", value: formatDate(task.submittedAt) }] : []),
        ]}
      />
      {task.returnReason && task.status === "RETURNED" ? (
        <InsetText>
          <p className="font-bold">The Centre returned the re-mapping</p>
          <p className="whitespace-pre-line">{task.returnReason}</p>
        </InsetText>
      ) : null}
      {editing ? <MappingForm task={task} /> : <OutcomeTable task={task} />}
      {may("approve") || may("return") ? <DecisionForms task={task} mayApprove={may("approve")} /> : null}
      <History entityIds={[task.id]} basePath={remappingLink(task.id)} searchParams={query} />
    </>
  );
}

/** The new version's outcome, and for a changed one what changed word by word against the old text. */
function OutcomeCell({ row }: { row: RemappingTaskView["outcomes"][number] }) {
  return (
    <>
      <p className="mb-2 font-bold">
        {row.outcome.position}. {CHANGE_LABELS[row.change]}
      </p>
      {row.previousText !== null ? (
        <DiffText parts={diffWords(row.previousText, row.outcome.text)} />
      ) : (
        <p className="mb-0">{row.outcome.text}</p>
      )}
    </>
  );
}

function OutcomeTable({ task }: { task: RemappingTaskView }) {
  return (
    <Table
      caption={`Learning outcomes of version ${task.toVersion.number}`}
      columns={[
        { key: "outcome", header: "Learning outcome" },
        { key: "module", header: "Module" },
        { key: "assessment", header: "Assessment" },
      ]}
      rowHeader="outcome"
      rows={task.outcomes.map((row) => ({
        outcome: <OutcomeCell row={row} />,
        module: row.mapping?.module || "Not mapped",
        assessment: row.mapping?.assessment || "Not mapped",
      }))}
      empty="The new version has no learning outcomes."
    />
  );
}

/** Unchanged outcomes keep the plan's mapping; the provider maps the new and changed ones here. */
function MappingForm({ task }: { task: RemappingTaskView }) {
  const toMap = task.outcomes.filter((row) => !row.mapping?.carriedOver);
  return (
    <section aria-labelledby="mapping-heading" className="mb-8">
      <h2 id="mapping-heading" className="mb-4 text-2xl font-bold">
        Map the new and changed learning outcomes
      </h2>
      <p className="mb-4">
        Outcomes whose text is unchanged keep your plan&apos;s mapping. For each new or changed outcome, give the module that teaches it and
        the assessment that shows the learner has met it. Changes are marked word by word.
      </p>
      <ActionForm
        action={saveRemappingAction}
        hidden={{ id: task.id, version: task.version }}
        labels={{
          intent: "What to do",
          ...Object.fromEntries(
            toMap.flatMap((r, i) => [
              [`mappings.${i}.module`, `Module for learning outcome ${r.outcome.position}`],
              [`mappings.${i}.assessment`, `Assessment for learning outcome ${r.outcome.position}`],
            ]),
          ),
        }}
        submitLabel="Continue"
      >
        <Table
          caption={`Learning outcomes of version ${task.toVersion.number}`}
          columns={[
            { key: "outcome", header: "Learning outcome" },
            { key: "module", header: "Module" },
            { key: "assessment", header: "Assessment" },
          ]}
          rowHeader="outcome"
          rows={task.outcomes.map((row) => {
            const i = toMap.indexOf(row);
            if (i < 0)
              return { outcome: <OutcomeCell row={row} />, module: row.mapping?.module ?? "", assessment: row.mapping?.assessment ?? "" };
            return {
              outcome: (
                <>
                  <input type="hidden" name={`mappings.${i}.learningOutcomeId`} value={row.outcome.id} />
                  <OutcomeCell row={row} />
                </>
              ),
              module: (
                <FormTextInput
                  name={`mappings.${i}.module`}
                  label={<VisuallyHidden>Module for learning outcome {row.outcome.position}</VisuallyHidden>}
                  defaultValue={row.mapping?.module}
                />
              ),
              assessment: (
                <FormTextInput
                  name={`mappings.${i}.assessment`}
                  label={<VisuallyHidden>Assessment for learning outcome {row.outcome.position}</VisuallyHidden>}
                  defaultValue={row.mapping?.assessment}
                />
              ),
            };
          })}
          empty="The new version has no learning outcomes."
        />
        <FormRadios
          name="intent"
          label="What to do"
          defaultValue="submit"
          options={[
            { value: "submit", label: "Submit the re-mapping to the Centre", hint: "Every new and changed outcome must be mapped." },
            { value: "save", label: "Save and come back later" },
          ]}
        />
      </ActionForm>
    </section>
  );
}

function DecisionForms({ task, mayApprove }: { task: RemappingTaskView; mayApprove: boolean }) {
  return (
    <section aria-labelledby="decision-heading" className="mb-8">
      <h2 id="decision-heading" className="mb-4 text-2xl font-bold">
        Decide on the re-mapping
      </h2>
      {mayApprove ? (
        <ActionForm action={approveRemappingAction} hidden={{ id: task.id, version: task.version }} submitLabel="Approve the re-mapping">
          <p className="mb-4">The plan moves to version {task.toVersion.number} with these mappings, and stays approved.</p>
        </ActionForm>
      ) : null}
      <ActionForm
        action={returnRemappingAction}
        hidden={{ id: task.id, version: task.version }}
        labels={{ reason: "Why you are returning it" }}
        submitLabel="Return it to the provider"
        submitVariant="secondary"
      >
        <FormTextArea name="reason" label="Why you are returning it" hint="The provider sees it and can submit again." rows={4} />
      </ActionForm>
    </section>
  );
}
