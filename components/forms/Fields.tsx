"use client";
// The ui fields, wired to the surrounding ActionForm: each shows its field's error and, after
// an error, what the user typed (so nothing typed is lost).
import type { ComponentProps } from "react";
import { Checkboxes, DateInput, Radios, Select, TextArea, TextInput } from "@/components/ui/Field";
import { fieldError, submitted } from "@/lib/result";
import { DATE_PARTS } from "@/lib/validation/date-parts";
import { useFormResult } from "./ActionForm";

function useField(name: string) {
  const result = useFormResult();
  const typed = result && !result.ok && result.values ? result.values[name] : undefined;
  return { error: fieldError(result, name), typed, text: submitted(result, name) };
}

export function FormTextInput(props: ComponentProps<typeof TextInput>) {
  const f = useField(props.name);
  return <TextInput {...props} error={props.error ?? f.error} defaultValue={f.text ?? props.defaultValue} />;
}

export function FormTextArea(props: ComponentProps<typeof TextArea>) {
  const f = useField(props.name);
  return <TextArea {...props} error={props.error ?? f.error} defaultValue={f.text ?? props.defaultValue} />;
}

export function FormSelect(props: ComponentProps<typeof Select>) {
  const f = useField(props.name);
  const value = f.text ?? props.defaultValue;
  // React resets the form after an action, and a select goes back to the option selected when it was mounted (unlike
  // a text field, whose default follows the prop): mounting it afresh with what was chosen keeps that choice.
  return <Select key={value ?? ""} {...props} error={props.error ?? f.error} defaultValue={value} />;
}

export function FormDateInput(props: ComponentProps<typeof DateInput>) {
  const result = useFormResult();
  const f = useField(props.name);
  const typed = Object.fromEntries(DATE_PARTS.map((part) => [part, submitted(result, `${props.name}.${part}`)]));
  const wasTyped = DATE_PARTS.some((part) => typed[part] !== undefined);
  return <DateInput {...props} error={props.error ?? f.error} defaultValue={wasTyped ? typed : props.defaultValue} />;
}

export function FormRadios(props: ComponentProps<typeof Radios>) {
  const f = useField(props.name);
  return <Radios {...props} error={props.error ?? f.error} defaultValue={f.text ?? props.defaultValue} />;
}

export function FormCheckboxes(props: ComponentProps<typeof Checkboxes>) {
  const f = useField(props.name);
  const typed = f.typed === undefined ? undefined : Array.isArray(f.typed) ? f.typed : [f.typed];
  return <Checkboxes {...props} error={props.error ?? f.error} defaultValue={typed ?? props.defaultValue} />;
}

/** A password: shows its error, but never what was typed (a password is not sent back to the browser). */
export function FormPasswordInput(props: Omit<ComponentProps<typeof TextInput>, "type" | "defaultValue">) {
  const f = useField(props.name);
  return <TextInput {...props} type="password" spellCheck={false} error={props.error ?? f.error} />;
}
