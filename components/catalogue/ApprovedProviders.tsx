import { Table } from "@/components/ui";
import type { ApprovedProviders as Providers } from "@/lib/data/catalogue-entry";
import { formatDate } from "@/lib/format";

/** A start date in the past is a cohort already running: the next one is the provider's to announce. */
function nextStart(startsOn: string | null, today: string) {
  if (!startsOn) return "Not announced";
  return startsOn >= today ? formatDate(startsOn) : `Started ${formatDate(startsOn)}`;
}

/** The education providers approved to deliver the credential, from their approved delivery plans. */
export function ApprovedProviders({ providers }: { providers: Providers }) {
  const today = new Date().toISOString().slice(0, 10);
  return (
    <section aria-labelledby="providers-heading" className="mb-8 break-inside-avoid-page">
      <h2 id="providers-heading" className="mb-3 text-2xl">
        Approved education providers
      </h2>
      {providers.items.length === 0 ? (
        <p>No education provider is approved to deliver this credential yet.</p>
      ) : (
        <>
          <Table
            caption="Education providers approved to deliver this credential"
            captionHidden
            rowHeader="provider"
            columns={[
              { key: "provider", header: "Provider" },
              { key: "programme", header: "Programme" },
              { key: "mode", header: "Delivery mode" },
              { key: "start", header: "Next start" },
            ]}
            rows={providers.items.map((p) => ({
              provider: p.provider,
              programme: p.programmeTitle,
              mode: p.deliveryMode || "Not stated",
              start: nextStart(p.startsOn, today),
            }))}
          />
          {providers.more > 0 ? (
            <p>
              And {providers.more.toLocaleString("en-GB")} more {providers.more === 1 ? "provider programme" : "provider programmes"} not
              listed here.
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
