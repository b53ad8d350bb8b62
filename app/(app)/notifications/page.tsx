import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { ActionForm } from "@/components/forms/ActionForm";
import { KeysetPagination, PageHeading, StatusTag, SuccessBanner } from "@/components/ui";
import { bannerFor } from "@/lib/done";
import { requireUser } from "@/lib/auth/session";
import { listNotifications } from "@/lib/data/notifications";
import { keysetOf, type QueryParams } from "@/lib/data/paging";
import { formatDateTime } from "@/lib/format";
import { markRead } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<QueryParams> }) {
  const user = await requireUser();
  const params = await searchParams;
  const { rows: notifications, total, unread, next, previous } = await listNotifications(user.id, keysetOf(params));
  return (
    <>
      <SuccessBanner banner={bannerFor({ read: "Marked as read" }, params.done)} />
      <PageHeading
        title="Notifications"
        lede={unread === 0 ? "You have no unread notifications." : `You have ${unread} unread notification${unread === 1 ? "" : "s"}.`}
      />
      <p className="mb-6">
        <Link href="/account/notifications">Choose which notifications also reach you by e-mail</Link>
      </p>
      {unread > 0 ? <ActionForm action={markRead} submitLabel="Mark all as read" submitVariant="secondary" /> : null}
      <ul className="space-y-4" role="list">
        {notifications.map((n) => (
          <li key={n.id} className="border-l-4 border-nhs-grey-4 bg-white p-4">
            <h2 className="text-lg font-bold">
              {n.link ? <Link href={n.link}>{n.title}</Link> : n.title} {n.readAt ? null : <StatusTag status="OPEN" label="Unread" />}
            </h2>
            {n.body ? <p className="mt-1">{n.body}</p> : null}
            <p className="mt-1 text-nhs-secondary">{formatDateTime(n.createdAt)}</p>
          </li>
        ))}
      </ul>
      <KeysetPagination
        basePath="/notifications"
        searchParams={params}
        next={next}
        previous={previous}
        previousLabel="Newer"
        nextLabel="Older"
        status={total > notifications.length ? `Showing ${notifications.length} of ${total} notifications` : undefined}
      />
    </>
  );
}
