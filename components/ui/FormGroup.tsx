import type { ReactNode } from "react";
import { VisuallyHidden } from "./VisuallyHidden";

/** The id a field's control gets; ErrorSummary links to `#${fieldId(name)}`. */
export function fieldId(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]+/g, "-");
}

export type FieldError = string | readonly string[] | undefined;

export function firstError(error: FieldError): string | undefined {
  return typeof error === "string" ? error || undefined : error?.[0];
}

export type FieldProps = {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  /** One message, or zod's `fieldErrors[name]` (the first is shown). */
  error?: FieldError;
};

export type ControlProps = { id: string; "aria-describedby"?: string; "aria-invalid"?: true };

export type FormGroupProps = FieldProps & { group?: boolean; children: (control: ControlProps) => ReactNode };

/**
 * NHS form group: label (or legend for a group of choices), hint, error message, then the control.
 * Every input in Field.tsx is built on it; use it directly for a custom control by spreading the render prop's
 * id and ARIA wiring onto the control.
 */
export function FormGroup({ name, label, hint, error, group = false, children }: FormGroupProps) {
  const message = firstError(error);
  const id = fieldId(name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = message ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const groupClass = message ? "mb-6 border-l-4 border-nhs-red pl-4" : "mb-6";
  // In a group the first choice carries the field id (so error links land on it) and the fieldset the description.
  const control: ControlProps = group ? { id } : { id, "aria-describedby": describedBy, "aria-invalid": message ? true : undefined };
  const body = (
    <>
      {group ? (
        <legend className="mb-2 font-bold">{label}</legend>
      ) : (
        <label htmlFor={id} className="mb-2 block font-bold">
          {label}
        </label>
      )}
      {hint ? (
        <div id={hintId} className="mb-2 text-nhs-secondary">
          {hint}
        </div>
      ) : null}
      {message ? (
        <p id={errorId} className="mb-2 font-bold text-nhs-red">
          <VisuallyHidden>Error: </VisuallyHidden>
          {message}
        </p>
      ) : null}
      {children(control)}
    </>
  );
  return <div className={groupClass}>{group ? <fieldset aria-describedby={describedBy}>{body}</fieldset> : body}</div>;
}
