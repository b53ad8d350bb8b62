import { beforeEach, describe, expect, it } from "vitest";
import { appealViewFor } from "@/lib/data/appeals";
import { addBankHoliday, appealWindowsAdminView, publishAppealWindow, removeBankHoliday } from "@/lib/data/appeal-windows";
import { decideEndorsement } from "@/lib/data/endorsement-reviews";
import { testDb, resetDb } from "../support/db";
import * as make from "../support/factory";
import { endorsementCast, readyForDecision, type EndorsementCast } from "../support/endorsement";
import { refusal } from "../support/refusal";

// Admins publish appeal windows and keep the bank holidays their working days skip; a decline keeps the window in
// effect when it was made.

let e: EndorsementCast;
let admin: Awaited<ReturnType<typeof make.actor>>;
beforeEach(async () => {
  await resetDb();
  e = await endorsementCast();
  admin = await make.actor("CENTRE_STAFF", null);
  await testDb().user.update({ where: { id: admin.id }, data: { isAdmin: true } });
});

const dateParts = (d: Date) => ({ day: String(d.getUTCDate()), month: String(d.getUTCMonth() + 1), year: String(d.getUTCFullYear()) });
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000);
const window = (over: Record<string, unknown> = {}) => ({
  workingDays: "15",
  source: "Appeals and complaints procedure, https://advanced-practice.hee.nhs.uk/?p=10146",
  effectiveFrom: dateParts(inDays(0)),
  ...over,
});
const audits = (entityType: string) => testDb().auditEvent.count({ where: { entityType } });

describe("publishing an appeal window", () => {
  it("an admin publishes a window, recorded with its source and in history, and it is in effect from its day", async () => {
    const { id } = await publishAppealWindow(admin, window());
    const view = await appealWindowsAdminView(admin);
    expect(view.current).toMatchObject({ id, workingDays: 15, source: expect.stringMatching(/^Appeals and complaints/) });
    expect(await testDb().auditEvent.count({ where: { entityId: id, action: "publish", actorId: admin.id } })).toBe(1);
  });

  it("staff who are not admins are refused, and nothing is written", async () => {
    expect((await refusal(publishAppealWindow(e.staff, window()))).code).toBe("NOT_ALLOWED");
    expect(await testDb().appealWindow.count()).toBe(0);
    expect(await audits("AppealWindow")).toBe(0);
  });

  it("refuses a window outside 1 to 60 working days, without a source, or backdated, by the field", async () => {
    for (const workingDays of ["0", "61", "2.5", "ten", ""]) {
      expect((await refusal(publishAppealWindow(admin, window({ workingDays })))).fieldErrors?.workingDays).toEqual([
        "The window must be a whole number of working days from 1 to 60",
      ]);
    }
    expect((await refusal(publishAppealWindow(admin, window({ source: " " })))).fieldErrors?.source).toBeDefined();
    expect(
      (await refusal(publishAppealWindow(admin, window({ effectiveFrom: dateParts(inDays(-1)) })))).fieldErrors?.effectiveFrom,
    ).toEqual(["The date the window takes effect must be today or in the future"]);
    expect(await testDb().appealWindow.count()).toBe(0);
  });

  it("a decline made before a new window was published keeps the window in effect when it was made", async () => {
    await testDb().appealWindow.create({ data: { workingDays: 10, effectiveFrom: new Date("2020-01-01"), source: "Earlier window" } });
    const { credential, version } = await readyForDecision(e);
    await decideEndorsement(e.staff, {
      id: version.id,
      version: version.version,
      decision: "DECLINE",
      rationale: "Not met.",
      conditions: "",
    });
    const before = (await appealViewFor(e.expert, credential.id))?.window;
    expect(before).toMatchObject({ workingDays: 10, source: "Earlier window" });

    await publishAppealWindow(admin, window({ workingDays: "20" }));
    expect((await appealViewFor(e.expert, credential.id))?.window).toMatchObject({ workingDays: 10, deadline: before?.deadline });
    expect((await appealWindowsAdminView(admin)).current?.workingDays).toBe(20);
  });
});

describe("bank holidays", () => {
  const christmas = { date: { day: "27", month: "12", year: "2027" }, name: "Christmas Day (substitute day)" };

  it("an admin adds one, audited; the same date twice is refused by the field", async () => {
    const { id } = await addBankHoliday(admin, christmas);
    expect(await testDb().bankHoliday.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: "Christmas Day (substitute day)" });
    expect(await testDb().auditEvent.count({ where: { entityId: id, action: "create", actorId: admin.id } })).toBe(1);
    const again = await refusal(addBankHoliday(admin, { ...christmas, name: "Again" }));
    expect(again.fieldErrors?.date).toEqual(["27 December 2027 is already on the list, as Christmas Day (substitute day)"]);
    expect(await testDb().bankHoliday.count()).toBe(1);
  });

  it("refuses a non-admin, and an impossible date or a missing name by the field, writing nothing", async () => {
    expect((await refusal(addBankHoliday(e.staff, christmas))).code).toBe("NOT_ALLOWED");
    const bad = await refusal(addBankHoliday(admin, { date: { day: "31", month: "2", year: "2027" }, name: "" }));
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["date", "name"]);
    expect(await testDb().bankHoliday.count()).toBe(0);
    expect(await audits("BankHoliday")).toBe(0);
  });

  it("an admin removes one with a reason kept in history; a non-admin or a blank reason is refused", async () => {
    const { id } = await addBankHoliday(admin, christmas);
    expect((await refusal(removeBankHoliday(e.staff, { id, reason: "Wrong date." }))).code).toBe("NOT_ALLOWED");
    expect((await refusal(removeBankHoliday(admin, { id, reason: " " }))).fieldErrors?.reason).toBeDefined();
    expect(await testDb().bankHoliday.count()).toBe(1);
    await removeBankHoliday(admin, { id, reason: "Entered on the wrong date." });
    expect(await testDb().bankHoliday.count()).toBe(0);
    expect(await testDb().auditEvent.findFirstOrThrow({ where: { entityId: id, action: "remove" } })).toMatchObject({
      reason: "Entered on the wrong date.",
      actorId: admin.id,
    });
    expect((await refusal(removeBankHoliday(admin, { id, reason: "Again." }))).code).toBe("NOT_FOUND");
  });
});
