import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeading, StatusTag, WarningCallout } from "@/components/ui";
import { devMailboxEnabled, DEV_MAILBOX_SIZE, latestEmails } from "@/lib/data/email-outbox";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Development mailbox" };
// Read at request time: whether it exists depends on the server's environment, and it shows the latest e-mails.
export const dynamic = "force-dynamic";

/**
 * Where e-mail goes on a machine that sends none (no SMTP_URL): the latest e-mails the app queued, with their text,
 * so an invitation or password-reset link can be followed. Not served in production unless DEV_MAILBOX=1.
 */
export default async function DevMailboxPage() {
  if (!devMailboxEnabled()) notFound();
  const emails = await latestEmails();
  return (
    <>
      <PageHeading title="Development mailbox" lede={`The latest ${DEV_MAILBOX_SIZE} e-mails the app queued, newest first.`} />
      <WarningCallout heading="Not for real use">
        <p>This page shows everyone&apos;s e-mails. It exists only where no e-mail is sent: set SMTP_URL to send them.</p>
      </WarningCallout>
      {emails.length === 0 ? <p>No e-mails yet.</p> : null}
      <ol className="space-y-4" role="list">
        {emails.map((m) => (
          <li key={m.id} className="border-l-4 border-nhs-grey-4 bg-white p-4">
            <h2 className="text-lg font-bold">{m.subject}</h2>
            <p className="text-nhs-secondary">
              To {m.to}, {formatDateTime(m.createdAt)} <StatusTag status={m.status} />
            </p>
            <pre className="mt-2 whitespace-pre-wrap break-words font-sans">{m.body}</pre>
          </li>
        ))}
      </ol>
    </>
  );
}
