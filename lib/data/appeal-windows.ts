import "server-only";
import { recordAudit } from "@/lib/audit";
import { startOfDay } from "@/lib/dates";
import { db } from "@/lib/db";
import { assertAdmin, fieldError } from "@/lib/data/admin-guard";
import { defineCommand } from "@/lib/data/command";
import { notFound } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { appealWindowPublishSchema, bankHolidayAddSchema, bankHolidayRemoveSchema } from "@/lib/validation/appeal-window";
import { isoDay, windowInEffect, type Actor } from "@/lib/workflow";

// Centre admins keep the appeal window (how many working days an expert group has to appeal a decline) and the bank
// holidays those working days skip. A window is never changed or backdated: a new one is published with the day it
// takes effect, so every decline keeps the window in effect when it was made.

/** The windows (in effect, scheduled and earlier, each with its source) and the bank holidays, for the admin page. */
export async function appealWindowsAdminView(actor: Actor, now = new Date()) {
  await assertAdmin(db(), actor);
  const [windows, bankHolidays] = await Promise.all([
    db().appealWindow.findMany({
      orderBy: [{ effectiveFrom: "desc" }, { createdAt: "desc" }],
      take: 100,
      select: { id: true, workingDays: true, source: true, effectiveFrom: true, createdAt: true },
    }),
    db().bankHoliday.findMany({ orderBy: { date: "asc" }, take: 500, select: { id: true, date: true, name: true, source: true } }),
  ]);
  const current = windowInEffect(windows, now);
  const today = startOfDay(now).getTime();
  return {
    current,
    scheduled: windows.filter((w) => w.effectiveFrom.getTime() > today),
    earlier: windows.filter((w) => w !== current && w.effectiveFrom.getTime() <= today),
    bankHolidays,
  };
}
export type AppealWindowsAdminView = Awaited<ReturnType<typeof appealWindowsAdminView>>;

export async function bankHolidayFor(actor: Actor, id: string) {
  await assertAdmin(db(), actor);
  return db().bankHoliday.findUnique({ where: { id }, select: { id: true, date: true, name: true, source: true } });
}

export const publishAppealWindow = defineCommand(appealWindowPublishSchema, async (tx, input, actor) => {
  await assertAdmin(tx, actor);
  const row = await tx.appealWindow.create({ data: input, select: { id: true } });
  await recordAudit(tx, {
    entityType: "AppealWindow",
    entityId: row.id,
    action: "publish",
    actor,
    data: { workingDays: input.workingDays, source: input.source, effectiveFrom: isoDay(input.effectiveFrom) },
  });
  return row;
});

export const addBankHoliday = defineCommand(bankHolidayAddSchema, async (tx, input, actor) => {
  await assertAdmin(tx, actor);
  const taken = await tx.bankHoliday.findUnique({ where: { date: input.date }, select: { name: true } });
  if (taken) throw fieldError("date", `${formatDate(input.date)} is already on the list, as ${taken.name}`);
  const row = await tx.bankHoliday.create({
    data: { ...input, source: `Added by a Centre admin on ${formatDate(new Date())}` },
    select: { id: true },
  });
  await recordAudit(tx, {
    entityType: "BankHoliday",
    entityId: row.id,
    action: "create",
    actor,
    data: { date: isoDay(input.date), name: input.name },
  });
  return row;
});

export const removeBankHoliday = defineCommand(bankHolidayRemoveSchema, async (tx, input, actor) => {
  await assertAdmin(tx, actor);
  const row = await tx.bankHoliday.findUnique({ where: { id: input.id }, select: { id: true, date: true, name: true } });
  if (!row) throw notFound("The bank holiday");
  // deleteMany: of two removals at once, the second finds nothing to delete and says so instead of failing.
  const { count } = await tx.bankHoliday.deleteMany({ where: { id: row.id } });
  if (count !== 1) throw notFound("The bank holiday");
  await recordAudit(tx, {
    entityType: "BankHoliday",
    entityId: row.id,
    action: "remove",
    actor,
    reason: input.reason,
    data: { date: isoDay(row.date), name: row.name },
  });
  return { id: row.id };
});
