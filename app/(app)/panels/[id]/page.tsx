import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormTextArea } from "@/components/forms/Fields";
import { History } from "@/components/history/History";
import { Agenda, Members } from "@/components/panels/MeetingForms";
import { Breadcrumbs, PageHeading, StatusTag, SuccessBanner, SummaryList } from "@/components/ui";
import { TransitionButton } from "@/components/workflow/TransitionForms";
import { requireRole } from "@/lib/auth/session";
import { meetingFor } from "@/lib/data/panel-reads";
import { bannerFor, transitionBanner } from "@/lib/done";
import { formatDate } from "@/lib/format";
import { orNotFound, routeId } from "@/lib/params";
import { check, panelAgendaItemMachine, panelMeetingMachine, quorate } from "@/lib/workflow";
import { addToAgenda, closeMeeting, recordAttendance, recordMinutes, recordRecommendation } from "../actions";

export const metadata: Metadata = { title: "Endorsement panel meeting" };

const NEXT = {
  addToAgenda: "The expert group has been told. The specification is in the panel pack.",
  recordAttendance: "With a quorum present, record the panel's recommendation on each item.",
  hold: "Close the meeting once its minutes are agreed.",
  cancel: "Its members have been told. Its agenda items can go on another meeting.",
};
const ITEM_NEXT = {
  recommend: "Staff deciding on the specification will see it pre-selected.",
  withdraw: "It can be put on another meeting's agenda.",
};
const CREATED = {
  created: { heading: "Panel meeting scheduled", body: "Its members have been told. Put reviewed specifications on its agenda." },
};

export default async function PanelMeetingPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const user = await requireRole("CENTRE_STAFF");
  const id = orNotFound(routeId((await params).id));
  const { done } = await searchParams;
  const m = await meetingFor(user, id);
  if (!m) notFound();
  const may = (t: (typeof m.available)[number]) => m.available.includes(t);
  const chair = m.members.find((x) => x.chair);
  const notQuorate = m.status === "SCHEDULED" && m.context.attendanceRecorded ? quorate(m.context) : null;
  const holding = check(panelMeetingMachine, "hold", m.status, { ...m.context, minutes: "-", actor: user });
  // A missing quorum is said once, above the agenda; here only what else holds the minutes back.
  const holdBlockedBy = !holding.ok && holding.code === "GUARD_FAILED" && holding.reason !== notQuorate ? holding.reason : null;
  return (
    <>
      <Breadcrumbs items={[{ href: "/panels", label: "Endorsement panels" }]} />
      <SuccessBanner
        banner={
          transitionBanner(panelMeetingMachine, done, NEXT) ??
          transitionBanner(panelAgendaItemMachine, done, ITEM_NEXT) ??
          bannerFor(CREATED, done)
        }
      />
      <PageHeading caption="Endorsement panel meeting" title={m.title} />
      <p className="mb-6">
        Status: <StatusTag status={m.status} label={panelMeetingMachine.labels[m.status]} />
      </p>
      <SummaryList
        rows={[
          { key: "Date", value: formatDate(m.meetsOn) },
          { key: "Chair", value: chair?.user.name ?? "" },
          { key: "Quorum", value: `${m.quorum} of ${m.members.length} members` },
          { key: "Scheduled by", value: m.createdBy.name },
          ...(m.cancelledReason ? [{ key: "Why it was cancelled", value: m.cancelledReason }] : []),
        ]}
      />
      <p className="mb-8">
        <Link href={`/panels/${m.id}/pack`}>Panel pack (printable)</Link>
      </p>
      <Members meeting={m} recordAttendance={may("recordAttendance") ? recordAttendance : undefined} />
      <Agenda
        meeting={m}
        notQuorate={notQuorate}
        actions={{ addToAgenda: may("addToAgenda") ? addToAgenda : undefined, recordRecommendation }}
      />
      <section aria-labelledby="minutes-heading">
        <h2 id="minutes-heading">Minutes</h2>
        {m.minutes ? <p className="whitespace-pre-line">{m.minutes}</p> : null}
        {may("hold") ? (
          <ActionForm
            action={recordMinutes}
            hidden={{ id: m.id, version: m.version }}
            submitLabel="Record minutes"
            labels={{ minutes: "Minutes" }}
          >
            <FormTextArea name="minutes" label="Minutes" hint="Who attended, what the panel discussed and what it recommended." rows={6} />
          </ActionForm>
        ) : !m.minutes ? (
          <p>{holdBlockedBy ?? "No minutes have been recorded."}</p>
        ) : null}
      </section>
      {may("close") ? <TransitionButton action={closeMeeting} id={m.id} version={m.version} submitLabel="Close meeting" /> : null}
      {may("cancel") ? (
        <p className="mt-8">
          If the meeting will not take place: <Link href={`/panels/${m.id}/confirm/cancel`}>Cancel this meeting</Link>
        </p>
      ) : null}
      <History entityIds={[m.id, ...m.items.map((i) => i.id), ...m.withdrawn.map((i) => i.id)]} />
    </>
  );
}
