import { z } from "zod";
import { startOfDay } from "@/lib/dates";
import { MAX_WORKING_DAYS } from "@/lib/workflow";
import { id, reasonField, requiredDate, requiredLine } from "@/lib/validation/common";

// The appeal window admins publish, and the bank holidays its working days skip.

const WORKING_DAYS_MESSAGE = `The window must be a whole number of working days from 1 to ${MAX_WORKING_DAYS}`;

export const appealWindowPublishSchema = z.object({
  workingDays: z.coerce
    .number({ error: WORKING_DAYS_MESSAGE })
    .int(WORKING_DAYS_MESSAGE)
    .min(1, WORKING_DAYS_MESSAGE)
    .max(MAX_WORKING_DAYS, WORKING_DAYS_MESSAGE),
  source: requiredLine("where the window is published (its title and address)", 500),
  // Declines already made keep the window in effect when they were made: a new window takes effect from today at the
  // earliest, never backdated.
  effectiveFrom: requiredDate("the date the window takes effect").refine(
    (d) => d.getTime() >= startOfDay(new Date()).getTime(),
    "The date the window takes effect must be today or in the future",
  ),
});

export const bankHolidayAddSchema = z.object({
  date: requiredDate("the date of the bank holiday"),
  name: requiredLine("the bank holiday's name", 100),
});

export const bankHolidayRemoveSchema = z.object({ id, reason: reasonField("removing this bank holiday") });
