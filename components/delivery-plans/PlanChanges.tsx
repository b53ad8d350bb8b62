import Link from "@/components/ui/Link";
import { ButtonLink, StatusTag } from "@/components/ui";
import type { PlanRecordsData } from "@/lib/data/delivery-plans";
import { PLAN_CHANGES_LIST, planChangeLink } from "@/lib/data/plan-changes";
import { formatDate } from "@/lib/format";
import { PLAN_CHANGE_CATEGORIES, PLAN_CHANGE_KIND_LABELS, planChangeMachine } from "@/lib/workflow";

type Props = { planId: string; changes: PlanRecordsData["changes"]; canReport: boolean };

/** The changes reported to an approved plan, newest first, and the way to report one. */
export function PlanChanges({ planId, changes, canReport }: Props) {
  if (!canReport && changes.total === 0) return null;
  return (
    <section aria-labelledby="changes-heading" className="mb-8">
      <h2 id="changes-heading" className="mb-4 text-2xl font-bold">
        Changes since approval
      </h2>
      {canReport ? (
        <p className="mb-4">
          <ButtonLink href={`/delivery-plans/${planId}/changes/new`} variant="secondary">
            Report a change
          </ButtonLink>
        </p>
      ) : null}
      {changes.total === 0 ? (
        <p>No changes have been reported to this plan.</p>
      ) : (
        <ul className="mb-4 space-y-2" role="list">
          {changes.rows.map((c) => (
            <li key={c.id}>
              <Link href={planChangeLink(c.id)}>
                {PLAN_CHANGE_KIND_LABELS[c.kind]} change: {PLAN_CHANGE_CATEGORIES[c.category].label.toLowerCase()}, reported{" "}
                {formatDate(c.createdAt)}
              </Link>{" "}
              <StatusTag status={c.status} label={planChangeMachine.labels[c.status]} />
            </li>
          ))}
        </ul>
      )}
      {changes.total > changes.rows.length ? (
        <p>
          The latest {changes.rows.length} of {changes.total}.{" "}
          <Link href={`${PLAN_CHANGES_LIST}?plan=${planId}&status=ANY`}>See them all</Link>
        </p>
      ) : null}
    </section>
  );
}
