import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import type { DateParts } from "@/lib/validation/common";
import { FormGroup, firstError, type FieldError, type FieldProps } from "./FormGroup";

export * from "./FormGroup";

const controlClass = (error: FieldError, ...extra: (string | undefined)[]) =>
  ["block min-h-10 w-full border-2 bg-white px-2 py-1", firstError(error) ? "border-nhs-red" : "border-nhs-text", ...extra]
    .filter(Boolean)
    .join(" ");

/** Separates the form-group props from those passed through to the control. */
function splitField<T extends FieldProps>({ name, label, hint, error, ...rest }: T) {
  return [{ name, label, hint, error }, rest] as const;
}

type Nullable<T> = T | null | undefined;
type Passthrough<A> = Omit<A, "name" | "id" | "defaultValue">;

export type TextInputProps = FieldProps & Passthrough<InputHTMLAttributes<HTMLInputElement>> & { defaultValue?: Nullable<string | number> };

export function TextInput({ defaultValue, className, ...props }: TextInputProps) {
  const [field, rest] = splitField(props);
  return (
    <FormGroup {...field}>
      {(control) => (
        <input
          type="text"
          name={field.name}
          defaultValue={defaultValue ?? undefined}
          className={controlClass(field.error, className)}
          {...rest}
          {...control}
        />
      )}
    </FormGroup>
  );
}

export type TextAreaProps = FieldProps & Passthrough<TextareaHTMLAttributes<HTMLTextAreaElement>> & { defaultValue?: Nullable<string> };

export function TextArea({ defaultValue, className, rows = 5, ...props }: TextAreaProps) {
  const [field, rest] = splitField(props);
  return (
    <FormGroup {...field}>
      {(control) => (
        <textarea
          name={field.name}
          rows={rows}
          defaultValue={defaultValue ?? undefined}
          className={controlClass(field.error, className)}
          {...rest}
          {...control}
        />
      )}
    </FormGroup>
  );
}

export type SelectOption = { value: string; label: string };

export type SelectProps = FieldProps &
  Passthrough<SelectHTMLAttributes<HTMLSelectElement>> & {
    options: SelectOption[];
    /** Text of an empty first option, e.g. "Choose an organisation". */
    placeholder?: string;
    defaultValue?: Nullable<string>;
  };

export function Select({ options, placeholder, defaultValue, className, ...props }: SelectProps) {
  const [field, rest] = splitField(props);
  return (
    <FormGroup {...field}>
      {(control) => (
        <select
          name={field.name}
          defaultValue={defaultValue ?? ""}
          className={controlClass(field.error, "md:w-auto", className)}
          {...rest}
          {...control}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FormGroup>
  );
}

export type ChoiceOption = { value: string; label: ReactNode; hint?: ReactNode };

type ChoicesProps = FieldProps & { options: ChoiceOption[]; disabled?: boolean; inline?: boolean };

type ChoicesImplProps = ChoicesProps & { type: "checkbox" | "radio"; selected: readonly string[] };

function Choices({ type, selected, options, disabled, inline, ...field }: ChoicesImplProps) {
  return (
    <FormGroup {...field} group>
      {({ id }) => (
        <div className={inline ? "flex flex-wrap gap-x-6" : undefined}>
          {options.map((o, i) => {
            const optionId = i === 0 ? id : `${id}-${i + 1}`;
            const hintId = o.hint ? `${optionId}-item-hint` : undefined;
            return (
              <div key={o.value} className="mb-2 flex items-start gap-3">
                <input
                  type={type}
                  id={optionId}
                  name={field.name}
                  value={o.value}
                  disabled={disabled}
                  defaultChecked={selected.includes(o.value)}
                  aria-describedby={hintId}
                  className="nhs-choice-input"
                />
                <div className="pt-1.5">
                  <label htmlFor={optionId} className="cursor-pointer">
                    {o.label}
                  </label>
                  {o.hint ? (
                    <div id={hintId} className="text-nhs-secondary">
                      {o.hint}
                    </div>
                  ) : null}
                </div>
              </div>
            );
          })}
        </div>
      )}
    </FormGroup>
  );
}

export type CheckboxesProps = ChoicesProps & { defaultValue?: readonly string[] | null };

export function Checkboxes({ defaultValue, ...props }: CheckboxesProps) {
  return <Choices type="checkbox" selected={defaultValue ?? []} {...props} />;
}

export type RadiosProps = ChoicesProps & { defaultValue?: Nullable<string> };

export function Radios({ defaultValue, ...props }: RadiosProps) {
  return <Choices type="radio" selected={defaultValue ? [defaultValue] : []} {...props} />;
}

export type DateInputProps = FieldProps & {
  /** A Date (its UTC calendar day), "YYYY-MM-DD", or the fields as typed (kept after an error). */
  defaultValue?: Nullable<string | Date | Partial<DateParts>>;
};

const DATE_FIELDS = [
  { part: "day", label: "Day", width: "w-14" },
  { part: "month", label: "Month", width: "w-14" },
  { part: "year", label: "Year", width: "w-20" },
] as const satisfies { part: keyof DateParts; label: string; width: string }[];

function dateParts(value: DateInputProps["defaultValue"]): Partial<DateParts> {
  if (!value) return {};
  if (typeof value === "object" && !(value instanceof Date)) return value;
  const iso = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1] } : {};
}

/**
 * NHS date input: a fieldset whose legend is the question, and Day, Month and Year text boxes named
 * `<name>.day`, `<name>.month`, `<name>.year` (lib/validation/common.ts requiredDate and optionalDate read them).
 * The Day box carries the field's id, so the error summary's link lands on it.
 */
export function DateInput({ defaultValue, hint = "For example, 15 3 2027", ...field }: DateInputProps) {
  const parts = dateParts(defaultValue);
  const invalid = Boolean(firstError(field.error));
  return (
    <FormGroup {...field} hint={hint} group>
      {({ id }) => (
        <div className="flex flex-wrap gap-4">
          {DATE_FIELDS.map(({ part, label, width }) => {
            const inputId = part === "day" ? id : `${id}-${part}`;
            return (
              <div key={part}>
                <label htmlFor={inputId} className="mb-1 block">
                  {label}
                </label>
                <input
                  type="text"
                  inputMode="numeric"
                  id={inputId}
                  name={`${field.name}.${part}`}
                  defaultValue={parts[part] ?? ""}
                  aria-invalid={invalid || undefined}
                  className={controlClass(field.error, width)}
                />
              </div>
            );
          })}
        </div>
      )}
    </FormGroup>
  );
}
