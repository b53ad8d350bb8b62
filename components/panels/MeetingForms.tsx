import Link from "@/components/ui/Link";
import { ActionForm, type FormAction } from "@/components/forms/ActionForm";
import { FormCheckboxes, FormRadios, FormSelect, FormTextArea } from "@/components/forms/Fields";
import { InsetText, StatusTag, Table } from "@/components/ui";
import type { MeetingView } from "@/lib/data/panel-reads";
import { ENDORSEMENT_DECISION_LABELS, ENDORSEMENT_DECISIONS, panelAgendaItemMachine, ROLE_LABELS } from "@/lib/workflow";

// The parts of a panel meeting's page: members and attendance, the agenda with its recommendations, and their forms.

const idv = (m: MeetingView) => ({ id: m.id, version: m.version });
const specName = (item: MeetingView["items"][number]) => {
  const v = item.review.specificationVersion;
  return `${v.credential.reference} ${v.credential.title}, version ${v.number}`;
};

export function Members({ meeting, recordAttendance }: { meeting: MeetingView; recordAttendance?: FormAction }) {
  const recorded = meeting.context.attendanceRecorded;
  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">Members and attendance</h2>
      <Table
        caption="Panel members"
        captionHidden
        rowHeader="name"
        columns={[
          { key: "name", header: "Member" },
          { key: "role", header: "Role" },
          { key: "attended", header: "Attended" },
        ]}
        rows={meeting.members.map((m) => ({
          name: `${m.user.name}${m.chair ? " (chair)" : ""}`,
          role: ROLE_LABELS[m.user.role as keyof typeof ROLE_LABELS] ?? m.user.role,
          attended: recorded ? (m.attended ? "Yes" : "No") : "Not recorded yet",
        }))}
      />
      {recordAttendance ? (
        <ActionForm
          action={recordAttendance}
          hidden={idv(meeting)}
          submitLabel="Record attendance"
          labels={{ attendedIds: "Who attended" }}
        >
          <FormCheckboxes
            name="attendedIds"
            label="Who attended"
            hint={`The panel needs ${meeting.quorum} of its ${meeting.members.length} members to make recommendations.`}
            options={meeting.members.map((m) => ({ value: m.userId, label: `${m.user.name}${m.chair ? " (chair)" : ""}` }))}
            defaultValue={meeting.members.filter((m) => m.attended).map((m) => m.userId)}
          />
        </ActionForm>
      ) : null}
    </section>
  );
}

type AgendaActions = { addToAgenda?: FormAction; recordRecommendation: FormAction };

export function Agenda({ meeting, actions, notQuorate }: { meeting: MeetingView; actions: AgendaActions; notQuorate: string | null }) {
  return (
    <section aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">Agenda</h2>
      {meeting.items.length === 0 ? <p>Nothing is on the agenda yet.</p> : null}
      {notQuorate && meeting.items.length > 0 ? (
        <InsetText>
          <p>{notQuorate}</p>
        </InsetText>
      ) : null}
      <ol className="list-none space-y-8 pl-0">
        {meeting.items.map((item, i) => (
          <li key={item.id} className="border-l-4 border-nhs-grey-4 pl-4">
            <h3 className="mb-2 text-xl">
              {i + 1}. <Link href={`/credentials/${item.review.specificationVersion.credential.id}/review`}>{specName(item)}</Link>
            </h3>
            <p>
              Panel recommendation:{" "}
              {item.recommendation ? (
                <StatusTag status={item.recommendation} label={ENDORSEMENT_DECISION_LABELS[item.recommendation]} />
              ) : (
                "none yet"
              )}
            </p>
            {item.recommendationNote ? <p className="whitespace-pre-line">{item.recommendationNote}</p> : null}
            {item.status === "DECIDED" ? (
              <p>
                <StatusTag status={item.status} label={panelAgendaItemMachine.labels[item.status]} /> The Centre has recorded its decision.
              </p>
            ) : null}
            {item.available.includes("recommend") ? (
              <ActionForm
                action={actions.recordRecommendation}
                hidden={{ id: item.id, version: item.version }}
                submitLabel={`Record recommendation on item ${i + 1}`}
                labels={{ recommendation: "Panel recommendation", note: "The panel's reasons" }}
              >
                <FormRadios
                  name="recommendation"
                  label={`Panel recommendation on item ${i + 1}`}
                  options={ENDORSEMENT_DECISIONS.map((d) => ({ value: d, label: ENDORSEMENT_DECISION_LABELS[d] }))}
                  defaultValue={item.recommendation ?? undefined}
                />
                <FormTextArea
                  name="note"
                  label="The panel's reasons"
                  hint="Shown to staff when they decide."
                  rows={3}
                  defaultValue={item.recommendationNote}
                />
              </ActionForm>
            ) : null}
            {item.available.includes("withdraw") ? (
              <p>
                <Link href={`/panels/${meeting.id}/confirm/withdraw/${item.id}`}>
                  Take item {i + 1} off the agenda<span className="sr-only">: {specName(item)}</span>
                </Link>
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      {meeting.withdrawn.length > 0 ? (
        <>
          <h3 className="text-xl">Taken off the agenda</h3>
          <ul className="list-disc pl-6">
            {meeting.withdrawn.map((item) => (
              <li key={item.id}>
                {specName(item)}: {item.withdrawnReason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {actions.addToAgenda ? (
        meeting.candidates.length > 0 ? (
          <ActionForm
            action={actions.addToAgenda}
            hidden={idv(meeting)}
            submitLabel="Add to agenda"
            labels={{ reviewId: "Reviewed candidate specification" }}
          >
            <FormSelect
              name="reviewId"
              label="Reviewed candidate specification"
              hint="Specifications whose reviewers have all submitted their assessments and that await a decision."
              options={[
                { value: "", label: "Choose a specification" },
                ...meeting.candidates.map((r) => ({
                  value: r.id,
                  label: `${r.specificationVersion.credential.reference} ${r.specificationVersion.credential.title}, version ${r.specificationVersion.number}`,
                })),
              ]}
            />
          </ActionForm>
        ) : (
          <p>No reviewed candidate specification is waiting for a panel.</p>
        )
      ) : null}
    </section>
  );
}
