import { StatusTag, Table } from "@/components/ui";
import type { SessionUser } from "@/lib/auth/types";
import { reviewerAssignments } from "@/lib/data/dashboard";
import { formatDate } from "@/lib/format";
import { ViewAll } from "./ViewAll";

/** Reviewers see only the endorsement reviews they are assigned to. */
export async function ReviewerDashboard({ user }: { user: SessionUser }) {
  const { rows: assignments, total } = await reviewerAssignments(user);
  return (
    <>
      <Table
        caption="Your endorsement assignments"
        columns={[
          { key: "credential", header: "Credential" },
          { key: "version", header: "Version" },
          { key: "due", header: "Due" },
          { key: "status", header: "Status" },
        ]}
        rows={assignments.map((a) => {
          const v = a.review.specificationVersion;
          return {
            credential: (
              <a href={`/credentials/${v.credential.id}/review/assessment`}>{`${v.credential.reference} ${v.credential.title}`}</a>
            ),
            version: String(v.number),
            due: a.dueOn ? formatDate(a.dueOn) : "Not set",
            status: <StatusTag status={a.status} />,
          };
        })}
        empty="You have no endorsement assignments."
      />
      <ViewAll
        href="/credentials?assigned=me"
        total={total}
        shown={assignments.length}
        one="credential assigned to you"
        many="credentials assigned to you"
      />
    </>
  );
}
