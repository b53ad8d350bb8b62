"use client";
import { createContext, useActionState, useContext, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { FORM_TOKEN_FIELD, newFormToken } from "@/lib/form";
import type { ActionResult } from "@/lib/result";

export type FormAction = (prev: ActionResult | null, form: FormData) => Promise<ActionResult>;

// getRandomValues, unlike randomUUID, also works on a page served over plain HTTP.

const FormStateContext = createContext<ActionResult | null>(null);

/** The last result of the surrounding ActionForm, for fields to show their errors and keep typed values. */
export const useFormResult = () => useContext(FormStateContext);

export type ActionFormProps = {
  action: FormAction;
  /** Sent with the form: record id and the version it was rendered with (optimistic locking). */
  hidden?: Record<string, string | number | undefined>;
  submitLabel: string;
  submitVariant?: "primary" | "secondary" | "warning";
  /** Shown (role=status) after a successful submission that stays on the page. */
  successMessage?: string;
  /** A "Cancel" link beside the button, back to where the person came from (a confirmation page's). */
  cancelHref?: string;
  /** Labels for the error summary, by field name. */
  labels?: Record<string, string>;
  className?: string;
  children?: ReactNode;
};

type Props = ActionFormProps & {
  /** A random token rendered on the server, so a repeated submission of this form changes things once. */
  token: string;
};

/**
 * Every form in the app: works without JavaScript (a server action), shows the NHS error
 * summary at the top, and gives its fields their errors and what the user typed. Render it
 * through `ActionForm`, which gives it a fresh token on the server.
 */
export function ActionFormClient({
  action,
  hidden,
  submitLabel,
  submitVariant = "primary",
  successMessage,
  cancelHref,
  labels,
  className,
  token,
  children,
}: Props) {
  const [state, formAction, pending] = useActionState<ActionResult | null, FormData>(action, null);
  // The server's token until a submission succeeds while the page stays; then a new one, so the
  // next deliberate submission is a new change rather than a repeat of the last.
  const [tokens, setTokens] = useState({ server: token, state, current: token });
  if (tokens.server !== token) setTokens({ server: token, state, current: token });
  else if (tokens.state !== state) setTokens({ server: token, state, current: state?.ok ? newFormToken() : tokens.current });
  // The confirmation stands by the button that was pressed (on a long form the top is out of view), until the
  // form is changed again and it would no longer be true.
  const [editedAfter, setEditedAfter] = useState<ActionResult | null>(null);
  const failed = state && !state.ok ? state : null;
  const button = (
    <Button variant={submitVariant} disabled={pending}>
      {pending ? "Saving…" : submitLabel}
    </Button>
  );
  return (
    <FormStateContext.Provider value={state}>
      <form action={formAction} noValidate className={className ?? "mb-8"} onInput={() => setEditedAfter(state)}>
        <ErrorSummary errors={failed?.fieldErrors} message={failed && !failed.fieldErrors ? failed.message : undefined} labels={labels} />
        {failed?.fieldErrors && failed.code !== "INVALID_INPUT" ? <p className="mb-4 font-bold text-nhs-red">{failed.message}</p> : null}
        <input type="hidden" name={FORM_TOKEN_FIELD} value={tokens.current} />
        {Object.entries(hidden ?? {}).map(([name, value]) =>
          value === undefined ? null : <input key={name} type="hidden" name={name} value={String(value)} />,
        )}
        {children}
        {state?.ok && (state.message ?? successMessage) && editedAfter !== state ? (
          <p role="status" className="mb-4 border-l-8 border-nhs-green bg-white p-3 font-bold">
            {state.message ?? successMessage}
          </p>
        ) : null}
        {cancelHref ? (
          <div className="flex flex-wrap items-center gap-x-6 gap-y-4">
            {button}
            <a href={cancelHref}>Cancel</a>
          </div>
        ) : (
          button
        )}
      </form>
    </FormStateContext.Provider>
  );
}
