import { CountCard } from "@/components/ui";
import type { WorkItem } from "@/lib/data/dashboard";

/** "Needs your action": urgent (overdue) items first, then the rest; empty ones last. */
export function WorkQueue({ items }: { items: WorkItem[] }) {
  const sorted = [...items].sort((a, b) => rank(b) - rank(a));
  const total = items.filter((i) => !i.urgent).reduce((n, i) => n + i.count, 0);
  return (
    <section aria-labelledby="work-heading" className="mb-10">
      <h2 id="work-heading" className="mb-2 text-2xl font-bold">
        Needs your action
      </h2>
      <p className="mb-4 text-nhs-secondary">
        {total === 0 ? "Nothing needs your action right now." : `${total} item${total === 1 ? "" : "s"} need your action.`}
      </p>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" role="list">
        {sorted.map((item) => (
          <li key={item.key} className={item.urgent && item.count > 0 ? "border-l-8 border-nhs-red" : undefined}>
            <CountCard count={item.count} label={item.label} labelOne={singular(item.label)} href={item.href} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "draft priorities to publish" → "draft priority to publish": the first plural word becomes singular. */
export function singular(label: string): string {
  let done = false;
  return label
    .split(" ")
    .map((word) => {
      if (done || !/s$/.test(word) || word.length < 4) return word;
      done = true;
      return word.endsWith("ies") ? `${word.slice(0, -3)}y` : word.slice(0, -1);
    })
    .join(" ");
}

const rank = (i: WorkItem) => (i.urgent && i.count > 0 ? 2 : i.count > 0 ? 1 : 0);
