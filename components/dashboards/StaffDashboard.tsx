import Link from "@/components/ui/Link";
import { ActivityTable } from "@/components/history/ActivityTable";
import type { SessionUser } from "@/lib/auth/types";
import { activity } from "@/lib/data/activity";
import { DASHBOARD_SECTION_SIZE } from "@/lib/data/dashboard";

/** Staff see the latest lifecycle activity under their work queue, and a link to all of it. */
export async function StaffDashboard({ user }: { user: SessionUser }) {
  const { rows, next } = await activity(user, {}, DASHBOARD_SECTION_SIZE);
  return (
    <>
      <ActivityTable caption="Recent activity" rows={rows} />
      {next ? (
        <p className="-mt-4 mb-8">
          <Link href="/activity">View all activity</Link>
        </p>
      ) : null}
    </>
  );
}
