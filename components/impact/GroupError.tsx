"use client";
import { useFormResult } from "@/components/forms/ActionForm";
import { fieldError } from "@/lib/result";

/** The error about a group of fields as a whole (e.g. rows that add up to too much), shown at the top of the group. */
export function GroupError({ name }: { name: string }) {
  const message = fieldError(useFormResult(), name);
  if (!message) return null;
  return (
    <p id={`${name}-error`} className="mb-2 font-bold text-nhs-red">
      <span className="sr-only">Error: </span>
      {message}
    </p>
  );
}
