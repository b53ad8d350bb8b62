import { beforeEach, describe, expect, it } from "vitest";
import { createCommission } from "@/lib/data/commissions";
import { createPriority, editPriority } from "@/lib/data/priorities";
import { resetDb, testDb } from "../support/db";
import * as make from "../support/factory";
import { refusal } from "../support/refusal";

// Input PostgreSQL would refuse (NUL in text, numbers beyond int4, dates it cannot store) is a field error before any
// query; text that is merely hostile-looking is stored exactly as typed.

type Cast = Awaited<ReturnType<typeof make.cast>>;
let c: Cast;
let roundId: string;

beforeEach(async () => {
  await resetDb();
  c = await make.cast();
  roundId = (await make.round("OPEN")).id;
});

const fields = {
  title: "Frailty in older people",
  workforceNeed: "More advanced practitioners",
  populationNeed: "Ageing population",
  longTermPlanLink: "Ageing well",
  professions: "Nursing\nPhysiotherapy",
  estimatedScale: "450",
};

describe("text PostgreSQL cannot store", () => {
  it("a NUL byte in a text field or a list is a field error and nothing is written", async () => {
    const err = await refusal(
      createPriority(c.staff, { ...fields, roundId, workforceNeed: "More\u0000", professions: "Nursing\nPhysio\u0000therapy" }),
    );
    expect(err.code).toBe("INVALID_INPUT");
    expect(err.fieldErrors).toEqual({
      workforceNeed: ["The workforce need must not contain control characters"],
      professions: ["Items must not contain control characters"],
    });
    expect(await testDb().priority.count()).toBe(0);
    expect(await testDb().auditEvent.count()).toBe(0);
  });
});

describe("hostile-looking text", () => {
  it("HTML, SQL-looking and non-Latin text is stored exactly as typed", async () => {
    const title = "<script>alert(1)</script>' OR 1=1 --";
    const workforceNeed = '\'; DROP TABLE "Priority"; --\r\nZoë 日本語 🙂 \u202eevil';
    const created = await createPriority(c.staff, { ...fields, roundId, title, workforceNeed });
    const row = await testDb().priority.findUniqueOrThrow({ where: { id: created.id }, select: { title: true, workforceNeed: true } });
    expect(row).toEqual({ title, workforceNeed });
  });
});

describe("numbers and dates PostgreSQL cannot store", () => {
  it("a version beyond int4 is a field error, not a failed query", async () => {
    const p = await make.priority(roundId);
    const err = await refusal(editPriority(c.staff, { ...fields, id: p.id, version: "3000000000" }));
    expect(err.fieldErrors).toEqual({ version: ["Missing version"] });
  });

  it("a day that does not exist, or a year out of range, is refused and no commission is written", async () => {
    const priorityId = (await make.priority(roundId, { status: "PUBLISHED", gatewayOutcome: "PASSED" })).id;
    const input = { priorityId, organisationId: c.group.id, title: "Frailty", brief: "Brief", deliverables: "Specification" };
    const err = await refusal(createCommission(c.staff, { ...input, startsOn: "2026-02-31", dueOn: "+275760-09-13" }));
    expect(err.fieldErrors).toEqual({ startsOn: ["The start date must be a real date"], dueOn: ["The due date must be a real date"] });
    const far = await refusal(createCommission(c.staff, { ...input, startsOn: "2026-01-05", dueOn: "9999-12-31" }));
    expect(far.fieldErrors).toEqual({ dueOn: ["The due date must be between 1 January 1900 and 31 December 2100"] });
    expect(await testDb().commission.count()).toBe(0);
  });
});
