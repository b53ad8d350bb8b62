// The form → command pipeline under concurrent and repeated submissions, against a real PostgreSQL:
// unique keys hit by a race become one CONFLICT result, and a form's token makes a repeat change nothing.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { runAction } from "@/lib/actions";
import { actingUser } from "@/lib/auth/session";
import { completionLink, recordCompletion } from "@/lib/data/completions";
import { createRound } from "@/lib/data/priorities";
import { FORM_TOKEN_FIELD } from "@/lib/form";
import { resetDb, testDb } from "../support/db";
import * as make from "../support/factory";
import * as plans from "../support/delivery-factory";
import { refusal } from "../support/refusal";

vi.mock("@/lib/auth/session", () => ({ actingUser: vi.fn() }));
// Outside a Next server there is no data cache: cached reads run straight through, and expiring a tag does nothing.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), updateTag: vi.fn(), unstable_cache: <F>(fn: F) => fn }));
const redirected = vi.hoisted(() => [] as string[]);
vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/navigation")>()),
  redirect: (url: string) => void redirected.push(url),
}));

beforeEach(async () => {
  await resetDb();
  redirected.length = 0;
});

/** Resolves once a statement of another session waits on a row or key lock. */
async function someoneWaitsOnALock() {
  for (let i = 0; i < 100; i++) {
    const [{ waiting }] = await testDb().$queryRaw<{ waiting: number }[]>`
      SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if (waiting > 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("no session started waiting on a lock");
}

/**
 * Starts `change` while someone else's round with the same name is inserted but not yet committed,
 * so the command's own check cannot see it; its insert waits on the key and fails once the other commits.
 */
async function raceWithUncommittedRound<T>(name: string, change: () => Promise<T>): Promise<PromiseSettledResult<T>> {
  let attempt!: Promise<PromiseSettledResult<T>>;
  await testDb().$transaction(async (tx) => {
    await tx.priorityRound.create({ data: { name } });
    attempt = Promise.allSettled([change()]).then(([settled]) => settled);
    await someoneWaitsOnALock();
  });
  return attempt;
}

const formOf = (fields: Record<string, string>) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return form;
};

describe("a unique key hit by a concurrent change", () => {
  it("is one CONFLICT refusal and nothing of the losing change is written", async () => {
    const c = await make.cast();
    const settled = await raceWithUncommittedRound("2027/28", () => createRound(c.staff, { name: "2027/28" }));
    const err = await refusal(settled.status === "rejected" ? Promise.reject(settled.reason) : Promise.resolve());
    expect(err.code).toBe("CONFLICT");
    expect(err.message).toMatch(/^This already exists/);
    expect(await testDb().priorityRound.count({ where: { name: "2027/28" } })).toBe(1);
    expect(await testDb().auditEvent.count({ where: { entityType: "PriorityRound" } })).toBe(0);
  });

  it("comes back from an action as a result for the form, keeping what was typed", async () => {
    const c = await make.cast();
    vi.mocked(actingUser).mockResolvedValue(c.staff as never);
    const settled = await raceWithUncommittedRound("2027/28", () => runAction(createRound, formOf({ name: "2027/28" })));
    expect(settled).toMatchObject({ status: "fulfilled", value: { ok: false, code: "CONFLICT", values: { name: "2027/28" } } });
  });
});

describe("a form submitted twice with the same token", () => {
  let c: Awaited<ReturnType<typeof plans.deliveryCast>>;
  let planId: string;
  let professionId: string;
  const token = "5c1f0e3a-2b7d-4e8a-9f61-0d2c7b3e4a95";
  const completionForm = (over: Record<string, string> = {}) =>
    formOf({
      planId,
      practitionerName: "Rachel Adeyemi",
      registration: "PH118842",
      professionId,
      "completedOn.day": "30",
      "completedOn.month": "6",
      "completedOn.year": "2026",
      [FORM_TOKEN_FIELD]: token,
      ...over,
    });
  const record = (form: FormData) =>
    runAction(recordCompletion, form, {
      redirect: ({ id, transition }) => `${completionLink(id)}?done=${transition}`,
    });

  beforeEach(async () => {
    c = await plans.deliveryCast();
    const credential = await plans.endorsedCredential("ENDORSED", 2);
    planId = (await plans.plan(credential, c.providerOrg.id, "APPROVED")).id;
    professionId = (await make.profession("Physiotherapy")).id;
    vi.mocked(actingUser).mockResolvedValue(c.provider as never);
  });

  it("at the same moment creates one record, and both submissions succeed pointing at it", async () => {
    const [first, second] = await Promise.all([record(completionForm()), record(completionForm())]);
    const rows = await testDb().completion.findMany({ select: { id: true } });
    expect(rows).toHaveLength(1);
    expect(first).toMatchObject({ ok: true, data: { id: rows[0].id } });
    expect(second).toMatchObject({ ok: true, data: { id: rows[0].id } });
    expect(redirected).toEqual([`/completions/${rows[0].id}?done=record`, `/completions/${rows[0].id}?done=record`]);
    expect(await testDb().auditEvent.count({ where: { entityId: rows[0].id } })).toBe(1);
    expect(await plans.notificationsFor(c.staff.id)).toHaveLength(1);
    expect(await testDb().formSubmission.findMany({ select: { userId: true, resultId: true } })).toEqual([
      { userId: c.provider.id, resultId: rows[0].id },
    ]);
  });

  it("later still gives the first result instead of a second record", async () => {
    const first = await record(completionForm());
    const again = await record(completionForm({ practitionerName: "Someone else" }));
    expect(again).toMatchObject({ ok: true, data: { id: (first as { data: { id: string } }).data.id } });
    expect(await testDb().completion.count()).toBe(1);
  });

  it("can be sent again after the first was refused, because nothing was recorded", async () => {
    const refused = await record(completionForm({ practitionerName: "" }));
    expect(refused).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await record(completionForm())).toMatchObject({ ok: true });
    expect(await testDb().completion.count()).toBe(1);
  });

  it("is per user: another user's form with the same token is a change of its own", async () => {
    await record(completionForm());
    vi.mocked(actingUser).mockResolvedValue(c.colleague as never);
    await record(completionForm());
    expect(await testDb().completion.count()).toBe(2);
  });

  it("expires: a token older than a day makes a new record", async () => {
    await record(completionForm());
    await testDb().formSubmission.updateMany({ data: { createdAt: new Date(Date.now() - 25 * 60 * 60 * 1000) } });
    await record(completionForm());
    expect(await testDb().completion.count()).toBe(2);
    expect(await testDb().formSubmission.count()).toBe(1);
  });

  it("without a token every submission is a change of its own", async () => {
    const form = () => {
      const f = completionForm();
      f.delete(FORM_TOKEN_FIELD);
      return f;
    };
    await record(form());
    await record(form());
    expect(await testDb().completion.count()).toBe(2);
  });
});
