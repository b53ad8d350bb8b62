import type { Metadata } from "next";
import { ActivityTable } from "@/components/history/ActivityTable";
import { Button, KeysetPagination, PageHeading, Select } from "@/components/ui";
import { requireRole } from "@/lib/auth/session";
import { ACTIVITY_TYPES, activity, activityQuery } from "@/lib/data/activity";
import type { QueryParams } from "@/lib/data/paging";
import { humanise } from "@/lib/format";

export const metadata: Metadata = { title: "Activity" };

const TYPE_OPTIONS = [{ value: "", label: "Any record" }, ...ACTIVITY_TYPES.map((t) => ({ value: t, label: humanise(t) }))];

export default async function ActivityPage({ searchParams }: { searchParams: Promise<QueryParams> }) {
  const user = await requireRole("CENTRE_STAFF");
  const params = await searchParams;
  const query = activityQuery(params);
  const { rows, next, previous } = await activity(user, query);
  return (
    <>
      <PageHeading
        title="Activity"
        lede="Every change across the lifecycle, newest first: which record, what happened, why, and who did it."
      />
      <form method="get" className="mb-6 flex flex-wrap items-end gap-4" aria-label="Filter activity">
        <Select name="type" label="Kind of record" options={TYPE_OPTIONS} defaultValue={query.type ?? ""} />
        <Button variant="secondary">Apply filter</Button>
      </form>
      <ActivityTable caption={query.type ? `Activity on ${humanise(query.type).toLowerCase()} records` : "All activity"} rows={rows} />
      <KeysetPagination
        basePath="/activity"
        searchParams={params}
        next={next}
        previous={previous}
        previousLabel="Newer activity"
        nextLabel="Older activity"
        label="Activity pages"
      />
    </>
  );
}
