import { z } from "zod";
import { id, reasonField, requiredChoice, requiredDate, requiredLine, version } from "@/lib/validation/common";

// Recognition of completion: a provider records a practitioner who completed the credential through one of its
// delivery plans; the Centre recognises the completion (a digital badge) or revokes it.

/** The end of today (UTC), so a completion dated today is accepted whatever the time of day. */
const endOfToday = () => {
  const d = new Date();
  d.setUTCHours(23, 59, 59, 999);
  return d;
};

export const completionRecordSchema = z.object({
  planId: requiredChoice("the delivery plan"),
  practitionerName: requiredLine("the practitioner's full name", 200),
  registration: requiredLine("the professional registration number", 50).refine(
    (v) => v === "" || /^[A-Za-z0-9][A-Za-z0-9 /-]*$/.test(v), // a blank one has its own message
    "Professional registration number must contain only letters, numbers, spaces, hyphens and slashes",
  ),
  profession: requiredLine("the profession", 100),
  completedOn: requiredDate("the completion date").refine((d) => d <= endOfToday(), "The completion date must be today or in the past"),
});
export type CompletionRecordInput = z.output<typeof completionRecordSchema>;

export const completionTransitionSchema = z.object({ id, version });

export const completionRevokeSchema = z.object({ id, version, reason: reasonField("revoking this completion") });
