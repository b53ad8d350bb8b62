import { AppError } from "@/lib/errors";

/** Awaits a command that must be refused and returns its AppError (any other outcome fails the test). */
export async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected the command to be refused");
}
