import { beforeEach, describe, expect, it } from "vitest";
import { listNotifications, markNotificationsRead } from "@/lib/data/notifications";
import { notifyUsers } from "@/lib/notify";
import { resetDb, testDb } from "../support/db";
import * as make from "../support/factory";

beforeEach(resetDb);

describe("notifications", () => {
  it("notifying writes an in-app notification and a queued e-mail per active recipient, never to the actor", async () => {
    const c = await make.cast();
    await testDb().$transaction((tx) => notifyUsers(tx, [c.expert.id, c.staff.id, c.expert.id], { kind: "ASSIGNMENTS", title: "Hello", link: "/x" }, c.staff.id));
    expect((await listNotifications(c.expert.id)).rows.map((n) => n.title)).toEqual(["Hello"]);
    expect((await listNotifications(c.staff.id)).rows).toEqual([]);
    expect(await testDb().emailOutbox.findMany({ select: { to: true, status: true } })).toEqual([{ to: c.expert.email, status: "PENDING" }]);
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
});
