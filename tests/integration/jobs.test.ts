// The scheduled jobs' handlers, driven by a controllable clock: each takes `now` as an argument.
import { beforeEach, describe, expect, it } from "vitest";
import { annualReturnDueOn } from "@/lib/data/openings";
import { openAnnualReturns, remindAnnualReturns } from "@/lib/jobs/annual-returns";
import { flagOverduePeriodicReviews, openPeriodicReviews } from "@/lib/jobs/periodic-reviews";
import { eachInTransaction } from "@/lib/jobs/system";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { resetDb, testDatabaseUrl, testDb } from "../support/db";
import { plan } from "../support/delivery-factory";
import * as make from "../support/factory";
import { daysFrom, periodicCast, reviewOf, type PeriodicCast } from "../support/periodic-factory";

const NOW = new Date("2027-01-10T09:00:00Z");
let c: PeriodicCast;

beforeEach(async () => {
  await resetDb();
  c = await periodicCast();
});

const db = () => testDb();
const setDue = (reviewDueAt: Date) => db().credential.update({ where: { id: c.credential.id }, data: { reviewDueAt } });
const staffNotes = () => db().notification.findMany({ where: { userId: c.staff.id }, orderBy: { createdAt: "asc" } });
const providerNotes = () => db().notification.findMany({ where: { userId: c.provider.id }, orderBy: { createdAt: "asc" } });

describe("periodic-reviews-open", () => {
  it("opens a review for a credential due in 89 days, but not one due in 91 days", async () => {
    await setDue(daysFrom(NOW, 91));
    expect(await openPeriodicReviews(db(), NOW, 90)).toBe(0);
    expect(await db().periodicReview.count()).toBe(0);

    await setDue(daysFrom(NOW, 89));
    expect(await openPeriodicReviews(db(), NOW, 90)).toBe(1);
    const review = await db().periodicReview.findFirstOrThrow();
    expect(review).toMatchObject({ credentialId: c.credential.id, status: "SCHEDULED", dueAt: daysFrom(NOW, 89) });
    const credential = await db().credential.findUniqueOrThrow({ where: { id: c.credential.id } });
    expect(credential.status).toBe("UNDER_PERIODIC_REVIEW");
    expect((await make.auditFor(review.id)).map((a) => [a.action, a.toState, a.actorRole, a.actorId])).toEqual([
      ["create", "SCHEDULED", "SYSTEM", null],
    ]);
    expect((await make.auditFor(c.credential.id)).map((a) => [a.action, a.fromState, a.toState, a.actorRole])).toEqual([
      ["startPeriodicReview", "ENDORSED", "UNDER_PERIODIC_REVIEW", "SYSTEM"],
    ]);
    expect((await staffNotes()).map((n) => n.link)).toEqual([`/periodic-reviews/${review.id}`]);
  });

  it("the lead time comes from the caller (PERIODIC_REVIEW_LEAD_DAYS in the worker)", async () => {
    await setDue(daysFrom(NOW, 91));
    expect(await openPeriodicReviews(db(), NOW, 120)).toBe(1);
  });

  it("a rerun opens nothing twice, even when the credential was put back to endorsed meanwhile", async () => {
    await setDue(daysFrom(NOW, 30));
    await openPeriodicReviews(db(), NOW, 90);
    expect(await openPeriodicReviews(db(), NOW, 90)).toBe(0);
    // A second worker that read the credential before the first committed still finds the review there.
    await db().credential.update({ where: { id: c.credential.id }, data: { status: "ENDORSED" } });
    expect(await openPeriodicReviews(db(), daysFrom(NOW, 1), 90)).toBe(0);
    expect(await db().periodicReview.count()).toBe(1);
    expect(await db().auditEvent.count()).toBe(2);
    expect(await staffNotes()).toHaveLength(1);
  });

  it("credentials that are not endorsed, or have no review date, are left alone", async () => {
    await db().credential.update({ where: { id: c.credential.id }, data: { status: "REVISION_REQUIRED", reviewDueAt: daysFrom(NOW, 10) } });
    const other = await periodicCast();
    expect(other.credential.id).not.toBe(c.credential.id);
    expect(await openPeriodicReviews(db(), NOW, 90)).toBe(0);
  });
});

describe("periodic-reviews-overdue", () => {
  it("flags an overdue review once and reminds staff at most once a week", async () => {
    const review = await reviewOf(c, { dueAt: daysFrom(NOW, -1) });
    expect(await flagOverduePeriodicReviews(db(), NOW)).toBe(1);
    const flagged = await db().periodicReview.findUniqueOrThrow({ where: { id: review.id } });
    expect(flagged).toMatchObject({ overdueFlaggedAt: NOW, remindedAt: NOW, version: review.version });
    expect((await staffNotes()).map((n) => n.title)).toEqual([`Periodic review overdue: ${c.credential.reference} ${c.credential.title}`]);

    expect(await flagOverduePeriodicReviews(db(), daysFrom(NOW, 1))).toBe(0);
    expect(await flagOverduePeriodicReviews(db(), daysFrom(NOW, 7))).toBe(1);
    const notes = await staffNotes();
    expect(notes).toHaveLength(2);
    expect(notes[1].title).toMatch(/^Reminder: periodic review overdue/);
    expect((await make.auditFor(review.id)).map((a) => [a.action, a.fromState, a.toState, a.actorRole])).toEqual([
      ["flagOverdue", "IN_PROGRESS", "IN_PROGRESS", "SYSTEM"],
    ]);
  });

  it("a review due later, or already concluded, is not flagged", async () => {
    await reviewOf(c, { dueAt: daysFrom(NOW, 1) });
    const other = await periodicCast();
    await reviewOf(other, { dueAt: daysFrom(NOW, -10), status: "CONCLUDED", checks: "all" });
    expect(await flagOverduePeriodicReviews(db(), NOW)).toBe(0);
    expect(await db().auditEvent.count()).toBe(0);
  });
});

describe("annual-returns-open and annual-returns-remind", () => {
  const returns = () => db().annualReturn.findMany({ orderBy: { createdAt: "asc" } });

  it("due 31 July, or 60 days after opening when that is later", () => {
    expect(annualReturnDueOn(2027, NOW)).toEqual(new Date("2027-07-31T00:00:00Z"));
    expect(annualReturnDueOn(2027, new Date("2027-10-01T12:00:00Z"))).toEqual(new Date("2027-11-30T00:00:00Z"));
  });

  it("opens one return per approved plan per year, once, and tells the provider", async () => {
    const approved = await plan(c.credential, c.providerOrg.id, "APPROVED");
    const conditional = await plan(c.credential, c.providerOrg.id, "APPROVED_WITH_CONDITIONS");
    await plan(c.credential, c.providerOrg.id, "DRAFT");
    expect(await openAnnualReturns(db(), NOW)).toBe(2);
    expect(await openAnnualReturns(db(), daysFrom(NOW, 1))).toBe(0);
    const opened = await returns();
    expect(opened.map((r) => r.planId).sort()).toEqual([approved.id, conditional.id].sort());
    expect(opened.every((r) => r.year === 2027 && r.status === "OPEN" && r.dueOn.toISOString() === "2027-07-31T00:00:00.000Z")).toBe(true);
    expect((await make.auditFor(opened[0].id)).map((a) => [a.action, a.toState, a.actorRole])).toEqual([["create", "OPEN", "SYSTEM"]]);
    // One message for the organisation's two deliveries, not one each.
    expect((await providerNotes()).map((n) => [n.title, n.link])).toEqual([
      ["Annual returns 2027 open: 2 deliveries", "/quality-reviews?returns=OPEN"],
    ]);

    expect(await openAnnualReturns(db(), new Date("2028-01-02T09:00:00Z"))).toBe(2);
    expect((await returns()).map((r) => r.year).sort()).toEqual([2027, 2027, 2028, 2028]);
  });

  it("opening returns sends as many statements for twelve plans as for two (one batch, not a round of queries per plan)", async () => {
    const counting = new PrismaClient({
      adapter: new PrismaPg({ connectionString: testDatabaseUrl() }),
      log: [{ emit: "event", level: "query" }],
    });
    let statements = 0;
    counting.$on("query", () => statements++);
    const opening = async (plans: number, year: number) => {
      for (let i = 0; i < plans; i++) await plan(c.credential, c.providerOrg.id, "APPROVED");
      statements = 0;
      // Each year opens every plan's return: the earlier plans' too.
      return { opened: await openAnnualReturns(counting, new Date(Date.UTC(year, 0, 10))), statements };
    };
    try {
      const two = await opening(2, 2027);
      const twelve = await opening(10, 2028);
      expect([two.opened, twelve.opened]).toEqual([2, 12]);
      expect(twelve.statements).toBe(two.statements);
      expect((await providerNotes()).map((n) => n.title)).toEqual([
        "Annual returns 2027 open: 2 deliveries",
        "Annual returns 2028 open: 12 deliveries",
      ]);
    } finally {
      await counting.$disconnect();
    }
  });

  it("reminds the provider once of a return due within 14 days", async () => {
    const p = await plan(c.credential, c.providerOrg.id, "APPROVED");
    const soon = await db().annualReturn.create({ data: { planId: p.id, year: 2027, dueOn: new Date("2027-01-20") } });
    const later = await plan(c.credential, c.providerOrg.id, "APPROVED");
    await db().annualReturn.create({ data: { planId: later.id, year: 2027, dueOn: new Date("2027-02-20") } });
    expect(await remindAnnualReturns(db(), NOW)).toBe(1);
    expect(await remindAnnualReturns(db(), daysFrom(NOW, 1))).toBe(0);
    expect((await db().annualReturn.findUniqueOrThrow({ where: { id: soon.id } })).remindedAt).toEqual(NOW);
    expect((await providerNotes()).map((n) => n.title)).toEqual([
      expect.stringMatching(/^Reminder: annual return 2027 due 20 January 2027/),
    ]);
  });

  it("flags a return still open after its due day as late, once, telling the provider and staff", async () => {
    const p = await plan(c.credential, c.providerOrg.id, "APPROVED");
    const ret = await db().annualReturn.create({
      data: { planId: p.id, year: 2026, dueOn: new Date("2027-01-10"), remindedAt: daysFrom(NOW, -14) },
    });
    const submitted = await plan(c.credential, c.providerOrg.id, "APPROVED");
    await db().annualReturn.create({ data: { planId: submitted.id, year: 2026, dueOn: new Date("2027-01-01"), status: "SUBMITTED" } });
    expect(await remindAnnualReturns(db(), NOW)).toBe(0);

    const nextDay = new Date("2027-01-11T00:30:00Z");
    expect(await remindAnnualReturns(db(), nextDay)).toBe(1);
    expect(await remindAnnualReturns(db(), daysFrom(nextDay, 3))).toBe(0);
    expect((await db().annualReturn.findUniqueOrThrow({ where: { id: ret.id } })).lateFlaggedAt).toEqual(nextDay);
    expect((await make.auditFor(ret.id)).map((a) => [a.action, a.fromState, a.toState, a.actorRole])).toEqual([
      ["flagLate", "OPEN", "OPEN", "SYSTEM"],
    ]);
    expect((await providerNotes()).map((n) => n.title)).toEqual([`Annual return 2026 late: ${p.programmeTitle}`]);
    expect((await staffNotes()).map((n) => n.title)).toEqual([`Annual return 2026 late: ${p.programmeTitle}`]);
  });
});

describe("one message per organisation and tick", () => {
  it("a return's own message when one opens; each organisation's providers hear only of theirs", async () => {
    const other = await make.organisation("EDUCATION_PROVIDER");
    const otherProvider = await make.actor("PROVIDER", other.id);
    const own = await plan(c.credential, c.providerOrg.id, "APPROVED");
    for (let i = 0; i < 3; i++) await plan(c.credential, other.id, "APPROVED");
    expect(await openAnnualReturns(db(), NOW)).toBe(4);
    const ownReturn = await db().annualReturn.findFirstOrThrow({ where: { planId: own.id } });
    expect((await providerNotes()).map((n) => [n.title, n.link])).toEqual([
      [`Annual return 2027 open: ${own.programmeTitle}`, `/quality-reviews/annual-returns/${ownReturn.id}`],
    ]);
    const others = await db().notification.findMany({ where: { userId: otherProvider.id } });
    expect(others.map((n) => n.title)).toEqual(["Annual returns 2027 open: 3 deliveries"]);
    // Staff are not told of openings.
    expect(await staffNotes()).toEqual([]);
  });

  it("reminders and late flags of several returns: one message to the provider, one to staff, every return audited", async () => {
    const plans = [];
    for (let i = 0; i < 3; i++) plans.push(await plan(c.credential, c.providerOrg.id, "APPROVED"));
    for (const p of plans) await db().annualReturn.create({ data: { planId: p.id, year: 2027, dueOn: new Date("2027-01-20") } });
    expect(await remindAnnualReturns(db(), NOW)).toBe(3);
    expect((await providerNotes()).map((n) => n.title)).toEqual(["Reminder: 3 annual returns due from 20 January 2027"]);

    const lateDay = new Date("2027-01-21T06:30:00Z");
    expect(await remindAnnualReturns(db(), lateDay)).toBe(3);
    expect(await remindAnnualReturns(db(), daysFrom(lateDay, 1))).toBe(0);
    expect((await providerNotes()).map((n) => n.title).slice(1)).toEqual(["Annual returns late: 3"]);
    expect((await staffNotes()).map((n) => [n.title, n.link])).toEqual([["Annual returns late: 3", "/quality-reviews?returns=OPEN"]]);
    const audits = await db().auditEvent.findMany({ where: { action: "flagLate" } });
    expect(audits.map((a) => a.entityId).sort()).toEqual((await db().annualReturn.findMany()).map((r) => r.id).sort());
  });

  it("periodic reviews opened or overdue together: one message to staff", async () => {
    const second = await periodicCast();
    for (const credential of [c.credential, second.credential]) {
      await db().credential.update({ where: { id: credential.id }, data: { reviewDueAt: daysFrom(NOW, 30) } });
    }
    expect(await openPeriodicReviews(db(), NOW, 90)).toBe(2);
    expect((await staffNotes()).map((n) => [n.title, n.link])).toEqual([["Periodic reviews opened: 2 credentials", "/periodic-reviews"]]);
    expect(await flagOverduePeriodicReviews(db(), daysFrom(NOW, 31))).toBe(2);
    expect((await staffNotes()).map((n) => n.title).slice(1)).toEqual(["Periodic reviews overdue: 2"]);
    expect(await db().auditEvent.count({ where: { action: "flagOverdue" } })).toBe(2);
  });
});

describe("working through rows", () => {
  it("commits a batch of rows per transaction, and a row that fails rolls back none of the others", async () => {
    const people = [c.staff.id, c.provider.id, (await make.actor("CENTRE_STAFF", null)).id];
    const transactions = new Set<string>();
    const note = async (tx: Parameters<Parameters<typeof eachInTransaction>[2]>[0], userId: string) => {
      const [{ txid }] = await tx.$queryRaw<{ txid: string }[]>`SELECT txid_current()::text AS txid`;
      transactions.add(txid);
      await tx.notification.create({ data: { userId, title: "Batched" } });
      return true;
    };
    expect(await eachInTransaction(db(), people, note)).toBe(3);
    expect(transactions.size).toBe(1);

    const failing = eachInTransaction(db(), people, async (tx, userId) => {
      if (userId === c.provider.id) throw new Error("changed by someone else");
      return note(tx, userId);
    });
    await expect(failing).rejects.toThrow("1 of 3 rows failed");
    const batched = await db().notification.findMany({ where: { title: "Batched" }, select: { userId: true } });
    expect(batched.map((n) => n.userId).sort()).toEqual([...people, c.staff.id, people[2]].sort());
  });
});
