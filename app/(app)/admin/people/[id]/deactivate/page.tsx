import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ConfirmTransition } from "@/components/workflow/ConfirmTransition";
import { requireAdmin } from "@/lib/auth/session";
import { personDetail } from "@/lib/data/people";
import { orNotFound, routeId } from "@/lib/params";
import { deactivatePerson } from "../../actions";

export const metadata: Metadata = { title: "Deactivate an account" };

export default async function ConfirmDeactivatePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireAdmin();
  const id = orNotFound(routeId((await params).id));
  const person = await personDetail(user, id);
  if (!person) notFound();
  const personHref = `/admin/people/${person.id}`;
  return (
    <ConfirmTransition
      breadcrumbs={[
        { href: "/admin", label: "Admin" },
        { href: "/admin/people", label: "People" },
        { href: personHref, label: person.name },
      ]}
      caption="Person"
      title={`Deactivate ${person.name}'s account?`}
      action={deactivatePerson}
      hidden={{ id: person.id, seenAt: person.updatedAt.toISOString() }}
      reason={{ label: "Reason for deactivating", hint: "For example, they have left their organisation. Other admins will see it." }}
      confirmLabel="Yes, deactivate this account"
      recordHref={personHref}
      refusal={person.active ? undefined : "This account is already deactivated."}
    >
      <ul className="list-disc pl-6">
        <li>They are signed out everywhere at once and cannot sign in until an admin reactivates the account.</li>
        <li>Any unused invitation or password reset link they hold stops working.</li>
        <li>Their work and its history stay.</li>
      </ul>
    </ConfirmTransition>
  );
}
