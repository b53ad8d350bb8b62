import type { FormAction } from "@/components/forms/ActionForm";
import { ButtonLink } from "@/components/ui";
import { ReasonForm, TransitionButton } from "@/components/workflow/TransitionForms";

type AnyMachine = { transitions: readonly { name: string; label: string; input?: unknown }[] };

export type TransitionAction = {
  action: FormAction;
  /** Label of the reason box, for transitions whose machine asks for input (a reason). */
  reasonLabel?: string;
  variant?: "primary" | "secondary" | "warning";
  /** A change that cannot simply be undone: the button leads to its confirmation page (`confirmPath`/name). */
  confirm?: boolean;
};

type Props = {
  machine: AnyMachine;
  /** Names from `availableTransitions`: only these get a form. */
  available: readonly string[];
  actions: Partial<Record<string, TransitionAction>>;
  id: string;
  version: number;
  /** Appended to each button, so buttons for several records on one page have distinct names. */
  subject?: string;
  /** Where the record's confirmation pages are, e.g. `/commissions/<id>/confirm`. */
  confirmPath?: string;
};

/**
 * A form for each transition the user may make now, labelled as the state machine labels it; one
 * that needs input (a reason) asks for it. The command checks everything again.
 */
export function AvailableTransitions({ machine, available, actions, id, version, subject, confirmPath }: Props) {
  return machine.transitions
    .filter((t) => available.includes(t.name) && actions[t.name])
    .map((t) => {
      const { action, reasonLabel = "Reason", variant, confirm } = actions[t.name]!;
      const common = { key: t.name, action, id, version, submitLabel: subject ? `${t.label} ${subject}` : t.label };
      if (confirm && confirmPath)
        return (
          <p key={t.name} className="mb-6">
            <ButtonLink href={`${confirmPath}/${t.name}`} variant={variant ?? "warning"}>
              {common.submitLabel}
            </ButtonLink>
          </p>
        );
      return t.input ? (
        <ReasonForm {...common} label={reasonLabel} submitVariant={variant ?? "warning"} />
      ) : (
        <TransitionButton {...common} submitVariant={variant} />
      );
    });
}
