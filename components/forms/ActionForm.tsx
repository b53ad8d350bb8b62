import { ActionFormClient, type ActionFormProps } from "@/components/forms/ActionFormClient";

export { useFormResult, type FormAction } from "@/components/forms/ActionFormClient";

/**
 * Every form in the app (see ActionFormClient). Rendered by a server component, so each form
 * gets a random token in a plain hidden input, which also works without JavaScript: the
 * pipeline records it with the change, and a second submission of the same form (a double
 * click, a resent POST) gets the first one's result instead of changing things again.
 * A client component renders ActionFormClient with a token its server page gave it.
 */
export function ActionForm(props: ActionFormProps) {
  return <ActionFormClient {...props} token={crypto.randomUUID()} />;
}
