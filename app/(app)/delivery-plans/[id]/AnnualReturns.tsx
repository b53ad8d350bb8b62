import Link from "@/components/ui/Link";
import { StatusTag } from "@/components/ui";
import { ActionForm } from "@/components/forms/ActionForm";
import { openAnnualReturn } from "../actions";

type Props = {
  plan: { id: string; annualReturns: { id: string; year: number; status: string }[]; _count: { annualReturns: number } };
  canOpen: boolean;
};

/** The plan's latest annual returns with a link to them all, and — for staff — opening this year's before the yearly job does. */
export function AnnualReturns({ plan, canOpen }: Props) {
  const year = new Date().getUTCFullYear();
  const openThisYear = canOpen && !plan.annualReturns.some((r) => r.year === year);
  if (plan.annualReturns.length === 0 && !openThisYear) return null;
  return (
    <section aria-labelledby="annual-returns-heading" className="mt-8">
      <h2 id="annual-returns-heading" className="mb-4 text-2xl font-bold">
        Annual returns
      </h2>
      {plan.annualReturns.length > 0 ? (
        <ul className="mb-4 space-y-2" role="list">
          {plan.annualReturns.map((r) => (
            <li key={r.id}>
              <Link href={`/quality-reviews/annual-returns/${r.id}`}>Annual return {r.year}</Link> <StatusTag status={r.status} />
            </li>
          ))}
        </ul>
      ) : null}
      {plan._count.annualReturns > plan.annualReturns.length ? (
        <p className="mb-4">
          <Link href={`/quality-reviews?plan=${plan.id}`}>View all {plan._count.annualReturns} annual returns for this plan</Link>
        </p>
      ) : null}
      {openThisYear ? (
        <ActionForm
          action={openAnnualReturn}
          hidden={{ id: plan.id }}
          submitLabel={`Open the ${year} annual return now`}
          submitVariant="secondary"
        />
      ) : null}
    </section>
  );
}
