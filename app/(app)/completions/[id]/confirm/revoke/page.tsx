import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ConfirmTransition } from "@/components/workflow/ConfirmTransition";
import { requireRole } from "@/lib/auth/session";
import { completionLink, getCompletion } from "@/lib/data/completions";
import { orNotFound, routeId } from "@/lib/params";
import { check, completionMachine } from "@/lib/workflow";
import { revokeCompletion } from "../../../actions";

export const metadata: Metadata = { title: "Revoke a completion" };

export default async function ConfirmRevokeCompletionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("CENTRE_STAFF", "PROVIDER");
  const id = orNotFound(routeId((await params).id));
  const c = await getCompletion(user, id);
  if (!c) notFound();
  // The reason is asked for on this page.
  const verdict = check(completionMachine, "revoke", c.status, { actor: user, reason: "-" });
  return (
    <ConfirmTransition
      breadcrumbs={[
        { href: `/delivery-plans/${c.plan.id}`, label: c.plan.programmeTitle },
        { href: completionLink(c.id), label: c.practitionerName },
      ]}
      caption={`${c.credential.reference} ${c.credential.title}`}
      title={`Revoke ${c.practitionerName}'s completion?`}
      action={revokeCompletion}
      hidden={{ id: c.id, version: c.version }}
      reason={{
        label: "Reason for revoking",
        hint: "For example, the completion was recorded in error. The provider will see the reason.",
      }}
      confirmLabel="Yes, revoke this completion"
      recordHref={completionLink(c.id)}
      refusal={verdict.ok ? undefined : verdict.reason}
    >
      <ul className="list-disc pl-6">
        <li>A revoked completion cannot be recognised again: it would have to be recorded anew.</li>
        <li>Its digital badge, if one was issued, shows as revoked to anyone who checks it.</li>
        <li>Everyone who can see the completion sees your reason.</li>
      </ul>
    </ConfirmTransition>
  );
}
