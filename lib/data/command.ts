import "server-only";
import type { z } from "zod";
import type { Tx } from "@/lib/db";
import { AppError, type FieldErrors } from "@/lib/errors";
import type { Actor } from "@/lib/workflow";
import { claimSubmission, recordSubmission } from "@/lib/data/submissions";
import { inTransaction } from "@/lib/data/transition";

export type CommandOptions = {
  /** The submitted form's one-time token (lib/form.ts `formToken`): a repeat gets the first result. */
  submission?: string;
};

export type Command<T> = (actor: Actor, input: unknown, options?: CommandOptions) => Promise<T>;

/** Turns zod issues into `{ "outcomes.0.text": ["Enter the outcome"] }`. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new AppError("INVALID_INPUT", "Check the highlighted fields and try again.", fieldErrorsOf(parsed.error));
  }
  return parsed.data;
}

/**
 * A state-changing command: input is parsed with the zod schema (nothing is written when it
 * is invalid), then `run` executes in one transaction with the acting user. `run` loads the
 * row through a scoped query and changes it with `applyTransition`, which checks the state
 * machine, does the optimistic-lock update and writes the audit event. With a form token the
 * token is recorded in the same transaction, so a repeated form changes things once.
 */
export function defineCommand<S extends z.ZodType, T>(
  schema: S,
  run: (tx: Tx, input: z.output<S>, actor: Actor) => Promise<T>,
): Command<T> {
  return async (actor, input, { submission } = {}) => {
    const parsed = parseInput(schema, input);
    return inTransaction(async (tx) => {
      if (submission) {
        const earlier = await claimSubmission(tx, actor, submission);
        if (earlier) return earlier.result as T;
      }
      const result = await run(tx, parsed, actor);
      if (submission) await recordSubmission(tx, actor, submission, result);
      return result;
    });
  };
}
