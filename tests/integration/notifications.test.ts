import { beforeEach, describe, expect, it } from "vitest";
import { listNotifications, markNotificationsRead } from "@/lib/data/notifications";
import { notificationPreferencesOf, saveNotificationPreferences } from "@/lib/data/notification-preferences";
import { sendDigests } from "@/lib/jobs/digests";
import { notifyUsers } from "@/lib/notify";
import { resetDb, testDb } from "../support/db";
import * as make from "../support/factory";

beforeEach(resetDb);

describe("notifications", () => {
  it("notifying writes an in-app notification and a queued e-mail per active recipient, never to the actor", async () => {
    const c = await make.cast();
    await testDb().$transaction((tx) =>
      notifyUsers(tx, [c.expert.id, c.staff.id, c.expert.id], { kind: "ASSIGNMENTS", title: "Hello", link: "/x" }, c.staff.id),
    );
    expect((await listNotifications(c.expert.id)).rows.map((n) => n.title)).toEqual(["Hello"]);
    expect((await listNotifications(c.staff.id)).rows).toEqual([]);
    expect(await testDb().emailOutbox.findMany({ select: { to: true, status: true } })).toEqual([
      { to: c.expert.email, status: "PENDING" },
    ]);
  });

  it("queued e-mail subjects are one bounded line whatever the title holds", async () => {
    const c = await make.cast();
    const title = `Programme\u2028Bcc: a@example.com\tX-Extra:\u0000 y\n${"z".repeat(500)}`;
    await testDb().$transaction((tx) => notifyUsers(tx, [c.expert.id], { kind: "DECISIONS", title, body: "Line one\nLine two" }));
    const [mail] = await testDb().emailOutbox.findMany({ select: { subject: true, body: true } });
    expect(mail.subject).toMatch(/^Programme Bcc: a@example\.com X-Extra: y z+…$/);
    expect(mail.subject).toHaveLength(200);
    expect(mail.body).toBe("Line one\nLine two");
  });

  it("a user marks only their own notifications as read", async () => {
    const c = await make.cast();
    await testDb().$transaction((tx) => notifyUsers(tx, [c.expert.id, c.otherExpert.id], { kind: "COMMENTS", title: "Both" }));
    const mine = (await listNotifications(c.expert.id)).rows[0];
    const theirs = (await listNotifications(c.otherExpert.id)).rows[0];
    expect(await markNotificationsRead(c.expert, { id: theirs.id })).toEqual({ count: 0 });
    expect(await markNotificationsRead(c.expert, { id: mine.id })).toEqual({ count: 1 });
    expect((await listNotifications(c.otherExpert.id)).rows[0].readAt).toBeNull();
    expect((await listNotifications(c.expert.id)).rows[0].readAt).not.toBeNull();
  });

  it("each person's choice for the kind decides: e-mail at once, the daily digest, or no e-mail; the in-app notification always", async () => {
    const c = await make.cast();
    await saveNotificationPreferences(c.expert, {
      ASSIGNMENTS: "DIGEST",
      SUBMISSIONS: "EMAIL",
      DECISIONS: "OFF",
      REMINDERS: "EMAIL",
      COMMENTS: "EMAIL",
    });
    await saveNotificationPreferences(c.otherExpert, {
      ASSIGNMENTS: "OFF",
      SUBMISSIONS: "EMAIL",
      DECISIONS: "EMAIL",
      REMINDERS: "EMAIL",
      COMMENTS: "EMAIL",
    });
    const send = (kind: "ASSIGNMENTS" | "DECISIONS", title: string) =>
      testDb().$transaction((tx) => notifyUsers(tx, [c.expert.id, c.otherExpert.id, c.staff.id], { kind, title, link: "/x" }));
    await send("ASSIGNMENTS", "Review assigned");
    await send("DECISIONS", "Endorsed");
    const emails = await testDb().emailOutbox.findMany({
      select: { to: true, subject: true },
      orderBy: [{ to: "asc" }, { subject: "asc" }],
    });
    expect(emails).toEqual(
      [
        { to: c.otherExpert.email, subject: "Endorsed" },
        { to: c.staff.email, subject: "Endorsed" },
        { to: c.staff.email, subject: "Review assigned" },
      ].sort((a, b) => a.to.localeCompare(b.to) || a.subject.localeCompare(b.subject)),
    );
    expect(await testDb().emailDigestItem.findMany({ select: { userId: true, title: true } })).toEqual([
      { userId: c.expert.id, title: "Review assigned" },
    ]);
    expect((await listNotifications(c.expert.id)).rows.map((n) => n.title).sort()).toEqual(["Endorsed", "Review assigned"]);
  });

  it("saving choices keeps one row per kind, says what changed in the audit trail, and refuses an unknown choice", async () => {
    const c = await make.cast();
    expect(await notificationPreferencesOf(c.expert.id)).toEqual({
      ASSIGNMENTS: "EMAIL",
      SUBMISSIONS: "EMAIL",
      DECISIONS: "EMAIL",
      REMINDERS: "EMAIL",
      COMMENTS: "EMAIL",
    });
    const choices = { ASSIGNMENTS: "EMAIL", SUBMISSIONS: "EMAIL", DECISIONS: "DIGEST", REMINDERS: "EMAIL", COMMENTS: "OFF" };
    await saveNotificationPreferences(c.expert, choices);
    await saveNotificationPreferences(c.expert, choices);
    expect(await notificationPreferencesOf(c.expert.id)).toEqual(choices);
    expect(await testDb().notificationPreference.count({ where: { userId: c.expert.id } })).toBe(5);
    const audit = await make.auditFor(c.expert.id);
    expect(audit.map((a) => [a.action, a.data])).toEqual([
      ["setNotificationPreferences", { changes: { DECISIONS: { from: "EMAIL", to: "DIGEST" }, COMMENTS: { from: "EMAIL", to: "OFF" } } }],
    ]);
    await expect(saveNotificationPreferences(c.expert, { ...choices, COMMENTS: "SOMETIMES" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { COMMENTS: ["Choose how to hear about comments"] },
    });
    await expect(saveNotificationPreferences(c.expert, { ASSIGNMENTS: "OFF" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect((await notificationPreferencesOf(c.expert.id)).ASSIGNMENTS).toBe("EMAIL");
  });

  it("the daily digest sends one e-mail per person with everything kept for it, once", async () => {
    const c = await make.cast();
    const digestAll = { ASSIGNMENTS: "DIGEST", SUBMISSIONS: "DIGEST", DECISIONS: "DIGEST", REMINDERS: "DIGEST", COMMENTS: "DIGEST" };
    await saveNotificationPreferences(c.expert, digestAll);
    await saveNotificationPreferences(c.provider, digestAll);
    await testDb().$transaction((tx) => notifyUsers(tx, [c.expert.id], { kind: "ASSIGNMENTS", title: "First", body: "One", link: "/a" }));
    await testDb().$transaction((tx) => notifyUsers(tx, [c.expert.id], { kind: "COMMENTS", title: "Second", link: "/b" }));
    await testDb().$transaction((tx) => notifyUsers(tx, [c.provider.id], { kind: "REMINDERS", title: "Due soon" }));
    expect(await testDb().emailOutbox.count()).toBe(0);

    const now = new Date(Date.now() + 1000);
    expect(await sendDigests(testDb(), now)).toBe(2);
    const mails = await testDb().emailOutbox.findMany({ orderBy: { to: "asc" } });
    const toExpert = mails.find((m) => m.to === c.expert.email)!;
    expect(toExpert.subject).toBe("Your daily summary: 2 notifications");
    expect(toExpert.body).toMatch(/1\. First\nOne\n\nOpen: .*\/a\n\n2\. Second\nOpen: .*\/b/);
    expect(mails.find((m) => m.to === c.provider.email)?.subject).toBe("Your daily summary: 1 notification");
    expect(await testDb().emailDigestItem.count()).toBe(0);
    expect(await sendDigests(testDb(), now)).toBe(0);
    expect(await testDb().emailOutbox.count()).toBe(2);
  });
});
