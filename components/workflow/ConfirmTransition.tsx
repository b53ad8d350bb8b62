import Link from "@/components/ui/Link";
import type { ReactNode } from "react";
import { ActionForm, type FormAction } from "@/components/forms/ActionForm";
import { FormTextArea } from "@/components/forms/Fields";
import { Breadcrumbs, type BreadcrumbsProps, InsetText, PageHeading, WarningCallout } from "@/components/ui";

export type ConfirmTransitionProps = {
  /** Up to and including the record the change is made to. */
  breadcrumbs: BreadcrumbsProps["items"];
  caption: string;
  /** A question: "Close this delivery plan?" */
  title: string;
  /** What will happen, in plain words. */
  children: ReactNode;
  action: FormAction;
  /** The record's id and the version the person saw, plus anything else the action needs. */
  hidden: Record<string, string | number | undefined>;
  reason: { name?: string; label: string; hint?: string };
  /** "Yes, close this plan" */
  confirmLabel: string;
  /** The record's page: where "Cancel" goes, and where the person came from. */
  recordHref: string;
  /** Why the change can no longer be made (the record changed meanwhile); then there is nothing to confirm. */
  refusal?: string;
  /** Fields the change needs besides its reason (a decline that differs from the panel's recommendation says why). */
  extraFields?: ReactNode;
};

/**
 * The NHS "are you sure" page for a change that cannot simply be undone: it says what will happen, asks for the
 * reason (kept on the record and in its history), and offers the change or a way back. A plain page and form, so it
 * works without JavaScript.
 */
export function ConfirmTransition(props: ConfirmTransitionProps) {
  const { breadcrumbs, caption, title, children, action, hidden, reason, confirmLabel, recordHref, refusal, extraFields } = props;
  const field = reason.name ?? "reason";
  return (
    <>
      <Breadcrumbs items={breadcrumbs} />
      <PageHeading caption={caption} title={title} />
      {refusal ? (
        <>
          <InsetText>
            <p>{refusal}</p>
          </InsetText>
          <p>
            <Link href={recordHref}>Go back</Link>
          </p>
        </>
      ) : (
        <>
          <WarningCallout heading="What will happen">{children}</WarningCallout>
          <ActionForm
            action={action}
            hidden={hidden}
            submitLabel={confirmLabel}
            submitVariant="warning"
            cancelHref={recordHref}
            labels={{ [field]: reason.label }}
          >
            <FormTextArea name={field} label={reason.label} hint={reason.hint} rows={4} />
            {extraFields}
          </ActionForm>
        </>
      )}
    </>
  );
}
