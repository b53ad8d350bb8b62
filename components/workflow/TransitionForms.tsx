import { ActionForm, type FormAction } from "@/components/forms/ActionForm";
import { FormTextArea } from "@/components/forms/Fields";

// The two shapes most transitions take on a page: a single button, or a reason and a button.

type Common = {
  action: FormAction;
  id: string;
  version: number;
  submitLabel: string;
  /** Other hidden values the action needs to know which pages to refresh (e.g. the review an action belongs to). */
  extra?: Record<string, string>;
  submitVariant?: "primary" | "secondary" | "warning";
};

export function TransitionButton({ action, id, version, submitLabel, extra, submitVariant }: Common) {
  return <ActionForm action={action} hidden={{ id, version, ...extra }} submitLabel={submitLabel} submitVariant={submitVariant} />;
}

export function ReasonForm({ label, hint, ...props }: Common & { label: string; hint?: string }) {
  const { action, id, version, submitLabel, extra, submitVariant } = props;
  return (
    <ActionForm action={action} hidden={{ id, version, ...extra }} submitLabel={submitLabel} submitVariant={submitVariant}>
      <FormTextArea name="reason" label={label} hint={hint} rows={3} />
    </ActionForm>
  );
}
