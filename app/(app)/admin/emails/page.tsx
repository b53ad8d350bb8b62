import type { Metadata } from "next";
import { ActionForm } from "@/components/forms/ActionForm";
import { PageHeading, Pagination, StatusTag, SuccessBanner, Table } from "@/components/ui";
import { bannerFor } from "@/lib/done";
import { requireAdmin } from "@/lib/auth/session";
import { listTroubledEmails } from "@/lib/data/email-outbox";
import { pageNumber, type QueryParams } from "@/lib/data/paging";
import { formatDateTime } from "@/lib/format";
import { tryAgain } from "./actions";

export const metadata: Metadata = { title: "E-mails that failed" };

const DONE = { retried: { heading: "E-mail queued again", body: "It will be sent again within a minute." } };

export default async function FailedEmailsPage({ searchParams }: { searchParams: Promise<QueryParams> }) {
  const admin = await requireAdmin();
  const params = await searchParams;
  const { rows, total, page, pageCount } = await listTroubledEmails(admin, pageNumber(params.page));
  return (
    <>
      <SuccessBanner banner={bannerFor(DONE, params.done)} />
      <PageHeading
        title="E-mails that failed"
        lede="E-mails the mail server refused or could not be reached for. Each is tried again after 1 minute, 5 minutes, 30 minutes and 2 hours, then marked failed. Once the cause is fixed, try a failed e-mail again."
      />
      <Table
        caption={`${total} e-mail${total === 1 ? "" : "s"} failed or waiting to be retried`}
        columns={[
          { key: "email", header: "E-mail" },
          { key: "status", header: "Status" },
          { key: "attempts", header: "Attempts", align: "right" },
          { key: "error", header: "Last error" },
          { key: "action", header: "Action" },
        ]}
        rowHeader="email"
        empty="No e-mail has failed."
        rows={rows.map((m) => ({
          email: (
            <>
              <span className="block">{m.subject}</span>
              <span className="block font-normal text-nhs-secondary">
                To {m.to}, queued {formatDateTime(m.createdAt)}
              </span>
            </>
          ),
          status:
            m.status === "FAILED" ? (
              <StatusTag status="FAILED" label="Failed" />
            ) : (
              <>
                <StatusTag status="PENDING" label="Retrying" />
                <span className="mt-1 block text-nhs-secondary">Next try {formatDateTime(m.nextAttemptAt)}</span>
              </>
            ),
          attempts: m.attempts,
          error: <span className="break-words">{m.lastError}</span>,
          action:
            m.status === "FAILED" ? (
              <ActionForm
                action={tryAgain}
                hidden={{ id: m.id, attempts: m.attempts }}
                submitLabel="Try again"
                submitVariant="secondary"
                className="mb-0"
              />
            ) : null,
        }))}
      />
      <Pagination basePath="/admin/emails" searchParams={params} page={page} pageCount={pageCount} />
    </>
  );
}
