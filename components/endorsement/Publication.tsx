import Link from "@/components/ui/Link";
import type { FormAction } from "@/components/forms/ActionForm";
import { InsetText, SummaryList, WarningCallout } from "@/components/ui";
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

type Props = {
  credential: Credential;
  publish?: FormAction;
  /** Why the credential cannot be published yet (open conditions due before launch), as the state machine says. */
  blockedBy?: string;
  /** Conditions not yet met; those due after launch are published open, with their due date. */
  openConditions: readonly { text: string; dueOn: Date | null }[];
};

/** Endorsement dates and the launch in the public catalogue; staff publish an endorsed credential not yet published. */
export function Publication({ credential: c, publish, blockedBy, openConditions }: Props) {
  const canPublish = publish && !c.publishedAt;
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
      {canPublish && blockedBy ? (
        <InsetText>
          <p className="font-bold">Before you can publish this credential</p>
          <p>{blockedBy}</p>
        </InsetText>
      ) : null}
      {canPublish && !blockedBy ? (
        <>
          {openConditions.length > 0 ? (
            <WarningCallout heading="Conditions still open" headingLevel={3}>
              <p>These conditions are due after launch. The catalogue will show each as open, with its due date:</p>
              <ul className="list-disc pl-6">
                {openConditions.map((x) => (
                  <li key={x.text}>
                    {x.text} (due {x.dueOn ? formatDate(x.dueOn) : "before publication"})
                  </li>
                ))}
              </ul>
            </WarningCallout>
          ) : null}
          <TransitionButton action={publish} id={c.id} version={c.version} submitLabel="Publish in the catalogue" />
        </>
      ) : null}
    </section>
  );
}
