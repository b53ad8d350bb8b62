import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormDateInput, FormTextInput } from "@/components/forms/Fields";
import { BackLink, PageHeading, SummaryList, Table } from "@/components/ui";
import { SuccessBanner } from "@/components/ui/SuccessBanner";
import { requireAdmin } from "@/lib/auth/session";
import { appealWindowsAdminView, type AppealWindowsAdminView } from "@/lib/data/appeal-windows";
import { bannerFor } from "@/lib/done";
import { formatDate } from "@/lib/format";
import { MAX_WORKING_DAYS } from "@/lib/workflow";
import { addBankHoliday, publishAppealWindow } from "./actions";

export const metadata: Metadata = { title: "Appeal windows and bank holidays" };

const DONE = {
  published: { heading: "Appeal window published", body: "Declines made before it takes effect keep the window they were made under." },
  added: "The bank holiday was added to the list.",
  removed: "The bank holiday was removed from the list.",
};

const days = (n: number) => `${n} working ${n === 1 ? "day" : "days"}`;

function WindowTable({ caption, windows }: { caption: string; windows: AppealWindowsAdminView["earlier"] }) {
  return (
    <Table
      caption={caption}
      rowHeader="effectiveFrom"
      columns={[
        { key: "effectiveFrom", header: "Takes effect" },
        { key: "workingDays", header: "Window" },
        { key: "source", header: "Source" },
        { key: "publishedOn", header: "Published" },
      ]}
      rows={windows.map((w) => ({
        effectiveFrom: formatDate(w.effectiveFrom),
        workingDays: days(w.workingDays),
        source: w.source || "Not given",
        publishedOn: formatDate(w.createdAt),
      }))}
      empty="None."
    />
  );
}

export default async function AppealWindowsPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const user = await requireAdmin();
  const [query, view] = await Promise.all([searchParams, appealWindowsAdminView(user)]);
  const { current } = view;
  return (
    <>
      <BackLink href="/admin">Admin</BackLink>
      <PageHeading
        title="Appeal windows and bank holidays"
        lede="How many working days an expert group has to appeal a declined specification, and the bank holidays in England and Wales that are not working days."
      />
      <SuccessBanner banner={bannerFor(DONE, query.done)} />

      <section aria-labelledby="current-heading">
        <h2 id="current-heading">The window in effect</h2>
        {current ? (
          <SummaryList
            rows={[
              { key: "Window", value: `${days(current.workingDays)} from the decision` },
              { key: "In effect from", value: formatDate(current.effectiveFrom) },
              { key: "Source", value: current.source || "Not given" },
            ]}
          />
        ) : (
          <p>No appeal window is in effect, so declines cannot be appealed through the service.</p>
        )}
        {view.scheduled.length > 0 ? <WindowTable caption="Windows that take effect later" windows={view.scheduled} /> : null}
        <WindowTable caption="Earlier windows" windows={view.earlier} />
      </section>

      <section aria-labelledby="publish-heading">
        <h2 id="publish-heading">Publish a new window</h2>
        <p>A window is never changed or backdated: each decline keeps the window in effect when it was made.</p>
        <ActionForm
          action={publishAppealWindow}
          submitLabel="Publish window"
          labels={{ workingDays: "Working days", source: "Source", effectiveFrom: "Takes effect on" }}
        >
          <FormTextInput
            name="workingDays"
            label="Working days"
            hint={`From 1 to ${MAX_WORKING_DAYS}, counted from the day after the decision, skipping weekends and bank holidays.`}
            inputMode="numeric"
            className="md:w-1/6"
          />
          <FormTextInput
            name="source"
            label="Source"
            hint="Where the Centre publishes this window: the page's title and address."
            className="md:w-3/4"
          />
          <FormDateInput name="effectiveFrom" label="Takes effect on" hint="Today or later, for example 1 4 2027" />
        </ActionForm>
      </section>

      <section aria-labelledby="holidays-heading">
        <h2 id="holidays-heading">Bank holidays</h2>
        <Table
          caption={`${view.bankHolidays.length} bank ${view.bankHolidays.length === 1 ? "holiday" : "holidays"}`}
          captionHidden
          rowHeader="date"
          columns={[
            { key: "date", header: "Date" },
            { key: "name", header: "Name" },
            { key: "source", header: "Source" },
            { key: "remove", header: "Action" },
          ]}
          rows={view.bankHolidays.map((h) => ({
            date: formatDate(h.date),
            name: h.name,
            source: h.source || "Not given",
            remove: (
              <Link href={`/admin/appeal-windows/bank-holidays/${h.id}/remove`}>
                Remove<span className="sr-only"> {formatDate(h.date)}</span>
              </Link>
            ),
          }))}
          empty="No bank holidays are on the list: only weekends are skipped."
        />
        <h3 className="text-xl">Add a bank holiday</h3>
        <ActionForm action={addBankHoliday} submitLabel="Add bank holiday" labels={{ date: "Date", name: "Name" }}>
          <FormDateInput name="date" label="Date" hint="As GOV.UK publishes it for England and Wales, for example 27 12 2027" />
          <FormTextInput name="name" label="Name" hint="For example, Christmas Day (substitute day)." className="md:w-1/2" />
        </ActionForm>
      </section>
    </>
  );
}
