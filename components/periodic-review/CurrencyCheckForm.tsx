import { ActionForm, type FormAction } from "@/components/forms/ActionForm";
import { FormRadios, FormTextArea } from "@/components/forms/Fields";
import type { CurrencyCheck } from "@/lib/workflow";
import { CHECK_QUESTIONS } from "./checks";

type Props = {
  action: FormAction;
  review: { id: string; version: number };
  kind: CurrencyCheck;
  recorded?: { finding: string; changeNeeded: boolean };
};

/** Records one currency check: the finding and whether the specification needs to change. */
export function CurrencyCheckForm({ action, review, kind, recorded }: Props) {
  return (
    <ActionForm action={action} hidden={{ id: review.id, version: review.version, kind }} submitLabel="Save check">
      <FormTextArea
        name="finding"
        label="Finding"
        rows={8}
        defaultValue={recorded?.finding}
        hint={`${CHECK_QUESTIONS[kind]} Say what you found and the evidence for it.`}
      />
      <FormRadios
        name="changeNeeded"
        label="Does the specification need to change because of this finding?"
        inline
        defaultValue={recorded ? (recorded.changeNeeded ? "yes" : "no") : undefined}
        options={[
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ]}
      />
    </ActionForm>
  );
}
