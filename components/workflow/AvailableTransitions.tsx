import type { FormAction } from "@/components/forms/ActionForm";
import { ReasonForm, TransitionButton } from "@/components/workflow/TransitionForms";

type AnyMachine = { transitions: readonly { name: string; label: string; input?: unknown }[] };

export type TransitionAction = {
  action: FormAction;
  /** Label of the reason box, for transitions whose machine asks for input (a reason). */
  reasonLabel?: string;
  variant?: "primary" | "secondary" | "warning";
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
};

/**
 * A form for each transition the user may make now, labelled as the state machine labels it; one
 * that needs input (a reason) asks for it. The command checks everything again.
 */
export function AvailableTransitions({ machine, available, actions, id, version, subject }: Props) {
  return machine.transitions
    .filter((t) => available.includes(t.name) && actions[t.name])
    .map((t) => {
      const { action, reasonLabel = "Reason", variant } = actions[t.name]!;
      const common = { key: t.name, action, id, version, submitLabel: subject ? `${t.label} ${subject}` : t.label };
      return t.input ? (
        <ReasonForm {...common} label={reasonLabel} submitVariant={variant ?? "warning"} />
      ) : (
        <TransitionButton {...common} submitVariant={variant} />
      );
    });
}
