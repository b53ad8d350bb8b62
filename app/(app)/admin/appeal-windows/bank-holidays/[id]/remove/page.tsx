import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ConfirmTransition } from "@/components/workflow/ConfirmTransition";
import { requireAdmin } from "@/lib/auth/session";
import { bankHolidayFor } from "@/lib/data/appeal-windows";
import { formatDate } from "@/lib/format";
import { orNotFound, routeId } from "@/lib/params";
import { removeBankHoliday } from "../../../actions";

export const metadata: Metadata = { title: "Remove a bank holiday" };

export default async function ConfirmRemoveBankHolidayPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireAdmin();
  const holiday = await bankHolidayFor(user, orNotFound(routeId((await params).id)));
  if (!holiday) notFound();
  const page = "/admin/appeal-windows";
  return (
    <ConfirmTransition
      breadcrumbs={[
        { href: "/admin", label: "Admin" },
        { href: page, label: "Appeal windows and bank holidays" },
      ]}
      caption="Bank holiday"
      title={`Remove ${holiday.name} on ${formatDate(holiday.date)}?`}
      action={removeBankHoliday}
      hidden={{ id: holiday.id }}
      reason={{ label: "Reason for removing it", hint: "For example, it was entered on the wrong date. Other admins will see it." }}
      confirmLabel="Yes, remove this bank holiday"
      recordHref={page}
    >
      <ul className="list-disc pl-6">
        <li>{formatDate(holiday.date)} becomes a working day when appeal windows are counted.</li>
        <li>The last day to appeal a decline whose window spans it moves a working day earlier.</li>
      </ul>
    </ConfirmTransition>
  );
}
