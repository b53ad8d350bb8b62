// The outbox worker sending over real SMTP (an in-process server), with back-off, and once per e-mail across a crash.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CLAIM_LEASE_MS, deliverOutbox, mailerFromEnv, MAX_ATTEMPTS, RETRY_DELAYS_MS, smtpMailer, type Mailer } from "@/lib/jobs/outbox";
import { DEV_MAILBOX_SIZE, latestEmails, listTroubledEmails, retryEmail } from "@/lib/data/email-outbox";
import { JOBS } from "@/lib/jobs/worker";
import { notifyUsers } from "@/lib/notify";
import { resetDb, testDb } from "../support/db";
import * as make from "../support/factory";
import { startSmtpCapture, type SmtpCapture } from "../support/smtp";

let smtp: SmtpCapture;
let send: Mailer;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  send = smtpMailer(smtp.url, "Credentials Test <credentials@test.example>");
});
afterAll(() => smtp.stop());
beforeEach(async () => {
  await resetDb();
  smtp.messages.length = 0;
  smtp.refuse = null;
});

const queue = (...to: string[]) =>
  testDb().emailOutbox.createMany({ data: to.map((t) => ({ to: t, subject: `Hello ${t}`, body: `Body for ${t}` })) });
const row = (to: string) => testDb().emailOutbox.findFirstOrThrow({ where: { to } });
const received = (to: string) => smtp.messages.filter((m) => m.to.includes(to)).length;
const later = (ms: number) => new Date(Date.now() + ms);

describe("deliverOutbox over SMTP", () => {
  it("sends a notification's e-mail to the recipient as plain text from MAIL_FROM, and marks it sent", async () => {
    const c = await make.cast();
    await testDb().$transaction((tx) =>
      notifyUsers(tx, [c.expert.id], {
        kind: "ASSIGNMENTS",
        title: "New commission: Frailty",
        body: "Accept or decline it.",
        link: "/commissions/c1",
      }),
    );
    expect(await deliverOutbox(testDb(), { send })).toBe(1);
    const mail = await smtp.waitForMessage(c.expert.email, "New commission");
    expect(mail).toMatchObject({ subject: "New commission: Frailty", from: "credentials@test.example" });
    expect(mail.text).toContain("Accept or decline it.");
    expect(mail.text).toContain("/commissions/c1");
    expect(await row(c.expert.email)).toMatchObject({ status: "SENT", attempts: 1, claimedAt: null, lastError: null });
    expect(await deliverOutbox(testDb(), { send })).toBe(0);
    expect(smtp.messages).toHaveLength(1);
  });

  it("a worker that stops mid-batch keeps what it sent: the next run sends only the rest, each e-mail once", async () => {
    await queue("a@test.example", "b@test.example", "c@test.example");
    let inFlight = "";
    let calls = 0;
    // Sends the first e-mail, then hangs on the second as a worker that was killed mid-send would.
    const dying: Mailer = async (mail) => {
      if (++calls === 1) return send(mail);
      inFlight = mail.to;
      return new Promise(() => {});
    };
    void deliverOutbox(testDb(), { send: dying });
    const waitUntil = async (probe: () => Promise<boolean> | boolean) => {
      for (let i = 0; i < 200 && !(await probe()); i++) await new Promise((r) => setTimeout(r, 50));
    };
    await waitUntil(() => inFlight !== "");
    const sentFirst = smtp.messages[0].to[0];
    expect((await row(sentFirst)).status).toBe("SENT");

    // A new worker: the sent e-mail is not sent again, the one in flight stays with its (presumed live) sender.
    expect(await deliverOutbox(testDb(), { send })).toBe(1);
    const rest = ["a@test.example", "b@test.example", "c@test.example"].find((to) => to !== sentFirst && to !== inFlight)!;
    await smtp.waitForMessage(rest);
    expect(received(sentFirst)).toBe(1);
    expect(received(inFlight)).toBe(0);

    // Once the claim's lease has run out, the e-mail the dead worker held is sent by the next run.
    expect(await deliverOutbox(testDb(), { send, clock: () => later(CLAIM_LEASE_MS + 1000) })).toBe(1);
    await smtp.waitForMessage(inFlight);
    expect(await row(inFlight)).toMatchObject({ status: "SENT", attempts: 2 });
    expect(["a@test.example", "b@test.example", "c@test.example"].map(received)).toEqual([1, 1, 1]);
  });

  it("a refused e-mail is retried after 1 min, 5 min, 30 min and 2 h, then FAILED after the last attempt", async () => {
    await queue("busy@test.example");
    smtp.refuse = "451 Mailbox busy, try later";
    let now = later(1000);
    const clock = () => now;
    const delays: number[] = [];
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      expect(await deliverOutbox(testDb(), { send, clock })).toBe(1);
      const r = await row("busy@test.example");
      expect(r).toMatchObject({ status: "PENDING", attempts: attempt, claimedAt: null });
      expect(r.lastError).toMatch(/Mailbox busy/);
      delays.push(r.nextAttemptAt.getTime() - now.getTime());
      // Not due a moment before its time…
      now = new Date(r.nextAttemptAt.getTime() - 1000);
      expect(await deliverOutbox(testDb(), { send, clock })).toBe(0);
      now = r.nextAttemptAt;
    }
    expect(delays).toEqual(RETRY_DELAYS_MS);
    expect(delays).toEqual([60_000, 300_000, 1_800_000, 7_200_000]);

    expect(await deliverOutbox(testDb(), { send, clock })).toBe(1);
    expect(await row("busy@test.example")).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS, claimedAt: null });
    now = new Date(now.getTime() + 7 * 24 * 3600_000);
    expect(await deliverOutbox(testDb(), { send, clock })).toBe(0);
    expect(smtp.messages).toHaveLength(0);
  });

  it("the worker's scheduled outbox job sends through SMTP_URL as MAIL_FROM", async () => {
    Object.assign(process.env, { SMTP_URL: smtp.url, MAIL_FROM: "Credentials <from-env@test.example>" });
    try {
      await queue("scheduled@test.example");
      await JOBS["outbox-deliver"].run(testDb());
      expect((await smtp.waitForMessage("scheduled@test.example")).from).toBe("from-env@test.example");
    } finally {
      delete process.env.SMTP_URL;
      delete process.env.MAIL_FROM;
    }
  });

  it("a wrong SMTP password is a failed attempt with the server's answer, retried later", async () => {
    await queue("auth@test.example");
    const wrong = smtpMailer(smtp.url.replace(":test-only@", ":wrong@"));
    expect(await deliverOutbox(testDb(), { send: wrong })).toBe(1);
    const r = await row("auth@test.example");
    expect(r).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(r.lastError).toMatch(/Invalid username or password/);
    expect(smtp.messages).toHaveLength(0);
  });

  it("the development mailbox lists the latest e-mails of any status, newest first, bounded", async () => {
    const base = Date.now() - 3600_000;
    await testDb().emailOutbox.createMany({
      data: Array.from({ length: DEV_MAILBOX_SIZE + 5 }, (_, i) => ({
        to: `p${i}@test.example`,
        subject: `Mail ${i}`,
        body: "Text",
        createdAt: new Date(base + i * 1000),
        status: i % 2 ? ("SENT" as const) : ("PENDING" as const),
      })),
    });
    const mails = await latestEmails();
    expect(mails).toHaveLength(DEV_MAILBOX_SIZE);
    expect(mails[0]).toMatchObject({ subject: `Mail ${DEV_MAILBOX_SIZE + 4}`, body: "Text" });
    expect(mails.at(-1)?.subject).toBe("Mail 5");
  });

  it("SMTP_URL chooses real sending; without it the e-mail is logged, and the mailbox is named outside production", () => {
    expect(mailerFromEnv({ SMTP_URL: "smtps://u:p@mail.example.org:465", NODE_ENV: "production" }).description).toMatch(
      /SMTP at mail\.example\.org:465/,
    );
    expect(mailerFromEnv({ NODE_ENV: "production" }).description).not.toMatch(/mailbox/);
    expect(mailerFromEnv({ NODE_ENV: "production", DEV_MAILBOX: "1" }).description).toMatch(/\/dev\/mailbox/);
    expect(mailerFromEnv({ NODE_ENV: "development" }).description).toMatch(/\/dev\/mailbox/);
  });
});

describe("failed e-mails for admins", () => {
  const failed = async (to: string) =>
    testDb().emailOutbox.create({
      data: { to, subject: `About ${to}`, body: "Text", status: "FAILED", attempts: MAX_ATTEMPTS, lastError: "550 No such user" },
    });

  it("an admin sees failed and retrying e-mails, and Try again sends a failed one from a fresh start, audited", async () => {
    const c = await make.cast();
    const admin = c.staff;
    await testDb().user.update({ where: { id: admin.id }, data: { isAdmin: true } });
    const mail = await failed("gone@test.example");
    await testDb().emailOutbox.create({
      data: {
        to: "retrying@test.example",
        subject: "Retrying",
        body: "",
        attempts: 2,
        lastError: "451 Busy",
        nextAttemptAt: later(60_000),
      },
    });
    await queue("fine@test.example");
    const list = await listTroubledEmails(admin, 1);
    expect(list.total).toBe(2);
    expect(list.rows.map((r) => [r.to, r.status, r.attempts, r.lastError]).sort()).toEqual([
      ["gone@test.example", "FAILED", 5, "550 No such user"],
      ["retrying@test.example", "PENDING", 2, "451 Busy"],
    ]);

    await retryEmail(admin, { id: mail.id, attempts: String(MAX_ATTEMPTS) });
    expect(await row("gone@test.example")).toMatchObject({ status: "PENDING", attempts: 0, claimedAt: null });
    expect((await make.auditFor(mail.id)).map((a) => [a.entityType, a.action, a.fromState, a.toState, a.actorId])).toEqual([
      ["EmailOutbox", "retry", "FAILED", "PENDING", admin.id],
    ]);
    await expect(retryEmail(admin, { id: mail.id, attempts: String(MAX_ATTEMPTS) })).rejects.toMatchObject({ code: "STALE_VERSION" });
    expect(await deliverOutbox(testDb(), { send })).toBe(2);
    await smtp.waitForMessage("gone@test.example");
  });

  it("someone who is not an admin can neither list nor retry failed e-mails", async () => {
    const c = await make.cast();
    const mail = await failed("gone@test.example");
    await expect(listTroubledEmails(c.staff, 1)).rejects.toMatchObject({ code: "NOT_ALLOWED" });
    await expect(retryEmail(c.staff, { id: mail.id, attempts: String(MAX_ATTEMPTS) })).rejects.toMatchObject({ code: "NOT_ALLOWED" });
    expect((await row("gone@test.example")).status).toBe("FAILED");
    expect(await make.auditFor(mail.id)).toEqual([]);
  });
});
