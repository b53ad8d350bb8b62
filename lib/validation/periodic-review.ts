import { z } from "zod";
import { CURRENCY_CHECKS, PERIODIC_OUTCOMES } from "@/lib/workflow";
import { id, requiredText, version } from "@/lib/validation/common";

const CHECK_KINDS = CURRENCY_CHECKS.map((c) => c.key) as [
  (typeof CURRENCY_CHECKS)[number]["key"],
  ...(typeof CURRENCY_CHECKS)[number]["key"][],
];

export const currencyCheckSchema = z.object({
  id,
  version,
  kind: z.enum(CHECK_KINDS, { error: "Choose which currency check this is" }),
  finding: requiredText("the finding", 5000),
  changeNeeded: z.enum(["yes", "no"], { error: "Select whether a change is needed" }).transform((v) => v === "yes"),
});

export const concludePeriodicReviewSchema = z.object({
  id,
  version,
  outcome: z.enum(PERIODIC_OUTCOMES, { error: "Choose the outcome of the periodic review" }),
  rationale: requiredText("the rationale for the outcome", 5000),
});
