import { z } from "zod";
import { id, optionalId, reasonField, requiredChoice, requiredDate, version } from "@/lib/validation/common";
import { newPractitionerFields } from "@/lib/validation/practitioner";

// Recognition of completion: a provider records a practitioner who completed the credential through one of its
// delivery plans (picking a practitioner it recorded before, or recording a new one); the Centre recognises the
// completion (a digital badge) or revokes it.

/** The end of today (UTC), so a completion dated today is accepted whatever the time of day. */
const endOfToday = () => {
  const d = new Date();
  d.setUTCHours(23, 59, 59, 999);
  return d;
};

const practitionerChoice = z.object({
  practitionerId: optionalId("Choose a practitioner"),
  practitionerName: newPractitionerFields.practitionerName,
});

export const completionRecordSchema = z
  .object({
    planId: requiredChoice("the delivery plan"),
    ...newPractitionerFields,
    ...practitionerChoice.shape,
    completedOn: requiredDate("the completion date").refine((d) => d <= endOfToday(), "The completion date must be today or in the past"),
  })
  .refine((v) => Boolean(v.practitionerId || v.practitionerName), {
    path: ["practitionerName"],
    message: "Enter the practitioner's full name",
    // Checked even when other fields are wrong, so an empty form names every missing answer at once.
    when: (payload) => practitionerChoice.safeParse(payload.value).success,
  });
export type CompletionRecordInput = z.output<typeof completionRecordSchema>;

export const completionTransitionSchema = z.object({ id, version });

export const completionRevokeSchema = z.object({ id, version, reason: reasonField("revoking this completion") });
