"use client";

import { useEffect, useId, useRef, type MouseEvent } from "react";
import { fieldId, firstError, type FieldError } from "./FormGroup";

export type ErrorSummaryProps = {
  /** Field errors keyed by field name, e.g. zod's `flatten().fieldErrors` or an action result's `fieldErrors`. */
  errors?: Record<string, FieldError>;
  /** A message not tied to one field, e.g. "This was changed by someone else. Reload and try again." */
  message?: string;
  /** Field labels, shown before each message when the message alone would not say which field it means. */
  labels?: Record<string, string>;
};

/** Moves focus to the field and scrolls its label or legend into view, as NHS.UK frontend does. */
function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const input = document.getElementById(id);
  if (!input) return;
  event.preventDefault();
  const legend = input.closest("fieldset")?.querySelector("legend");
  const label = document.querySelector(`label[for="${CSS.escape(id)}"]`);
  (legend ?? label ?? input).scrollIntoView();
  input.focus({ preventScroll: true });
}

/** NHS error summary: shown at the top of a form after a failed submission, and focused so it is announced. */
export function ErrorSummary({ errors, message, labels }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const items = Object.entries(errors ?? {}).flatMap(([name, error]) => {
    const text = firstError(error);
    return text ? [{ name, id: fieldId(name), text: labels?.[name] ? `${labels[name]}: ${text}` : text }] : [];
  });
  const hasContent = items.length > 0 || Boolean(message);

  // A new result object means a new submission: focus again so the summary is re-announced.
  useEffect(() => {
    if (hasContent) ref.current?.focus();
  }, [errors, message, hasContent]);

  if (!hasContent) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby={headingId} className="mb-8 border-4 border-nhs-red bg-white p-4 md:p-6">
      <h2 id={headingId} className="mb-4 text-2xl md:text-[1.75rem]">
        There is a problem
      </h2>
      {message ? <p className={items.length ? "mb-4" : "mb-0"}>{message}</p> : null}
      {items.length ? (
        <ul className="space-y-2">
          {items.map((item) => (
            <li key={item.name}>
              <a href={`#${item.id}`} onClick={(e) => focusField(e, item.id)} className="font-bold text-nhs-red hover:text-nhs-dark-red">
                {item.text}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
