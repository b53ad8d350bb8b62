import { z } from "zod";
import type { EmailDelivery, NotificationKind } from "@/lib/generated/prisma/enums";

/** Every kind, in the order the preferences page shows them, with what falls under it. */
export const NOTIFICATION_KINDS = {
  ASSIGNMENTS: { label: "Work given to you", hint: "Commissions, reviews and quality reviews you are assigned or taken off." },
  SUBMISSIONS: {
    label: "Work sent to you to act on",
    hint: "Submitted specifications, assessments, returns and completions, and answers to your requests.",
  },
  DECISIONS: {
    label: "Decisions and outcomes",
    hint: "Endorsement decisions, publication, queries, acceptances, suspensions and periodic review outcomes.",
  },
  REMINDERS: { label: "Reminders and deadlines", hint: "Periodic reviews opening or overdue, annual returns due or late." },
  COMMENTS: { label: "Comments", hint: "Comments and replies on specifications you work on." },
} as const satisfies Record<NotificationKind, { label: string; hint: string }>;

export const NOTIFICATION_KIND_VALUES = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];

export const EMAIL_DELIVERY_LABELS = {
  EMAIL: "E-mail each one",
  DIGEST: "One e-mail a day with all of them",
  OFF: "No e-mail (still shown in Notifications)",
} as const satisfies Record<EmailDelivery, string>;

const DELIVERY_VALUES = Object.keys(EMAIL_DELIVERY_LABELS) as [EmailDelivery, ...EmailDelivery[]];

/** One radio answer per kind, named by the kind; every kind must be answered. */
export const notificationPreferencesSchema = z.object(
  Object.fromEntries(
    NOTIFICATION_KIND_VALUES.map((kind) => [
      kind,
      z.enum(DELIVERY_VALUES, { error: `Choose how to hear about ${NOTIFICATION_KINDS[kind].label.toLowerCase()}` }),
    ]),
  ) as Record<NotificationKind, z.ZodEnum<{ [K in EmailDelivery]: K }>>,
);
