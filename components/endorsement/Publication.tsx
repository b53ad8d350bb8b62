import Link from "next/link";
import type { FormAction } from "@/components/forms/ActionForm";
import { SummaryList } from "@/components/ui";
import { TransitionButton } from "@/components/workflow/TransitionForms";
import { formatDate } from "@/lib/format";
import { isEndorsedForDelivery, type CredentialStatus } from "@/lib/workflow";

type Credential = {
  id: string;
  reference: string;
  status: CredentialStatus;
  version: number;
  endorsedAt: Date | null;
  reviewDueAt: Date | null;
  publishedAt: Date | null;
};

/** Endorsement dates and the launch in the public catalogue; staff publish an endorsed credential not yet published. */
export function Publication({ credential: c, publish }: { credential: Credential; publish?: FormAction }) {
  if (!isEndorsedForDelivery(c.status)) return null;
  return (
    <section aria-labelledby="publication-heading">
      <h2 id="publication-heading">Publication</h2>
      <SummaryList
        rows={[
          { key: "Reference", value: c.reference },
          { key: "Endorsed", value: c.endorsedAt ? formatDate(c.endorsedAt) : "" },
          { key: "Periodic review due", value: c.reviewDueAt ? formatDate(c.reviewDueAt) : "" },
          {
            key: "Catalogue",
            value: c.publishedAt ? (
              <>
                Published {formatDate(c.publishedAt)} – <Link href={`/catalogue/${c.reference}`}>view {c.reference} in the catalogue</Link>
              </>
            ) : (
              "Not yet published"
            ),
          },
        ]}
      />
      {publish && !c.publishedAt ? (
        <TransitionButton action={publish} id={c.id} version={c.version} submitLabel="Publish in the catalogue" />
      ) : null}
    </section>
  );
}
