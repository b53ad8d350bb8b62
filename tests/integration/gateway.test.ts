import { beforeEach, describe, expect, it } from "vitest";
import { issueCommission } from "@/lib/data/commissions";
import { assessGateway } from "@/lib/data/gateway";
import { criteriaSet } from "../support/criteria";
import { resetDb, testDb } from "../support/db";
import * as make from "../support/factory";
import { refusal } from "../support/refusal";

type Cast = Awaited<ReturnType<typeof make.cast>>;
let c: Cast;
let criteria: { id: string; number: string }[];

beforeEach(async () => {
  await resetDb();
  c = await make.cast();
  criteria = (await criteriaSet("GATEWAY")).ratable;
});

async function publishedPriority(status: "DRAFT" | "PUBLISHED" | "CLOSED" = "PUBLISHED") {
  return make.priority((await make.round("OPEN")).id, { status });
}

/** One answer per criterion: `true` met, `false` not met. */
const answers = (id: string, version: number, met: boolean[]) => ({
  id,
  version,
  criteria: criteria.map((k, i) => ({ criterionId: k.id, met: met[i] ? "MET" : "NOT_MET", rationale: `Rationale ${k.number}` })),
});
const stored = (priorityId: string) => testDb().gatewayAssessment.findMany({ where: { priorityId } });
const outcomeOf = async (id: string) => (await testDb().priority.findUniqueOrThrow({ where: { id } })).gatewayOutcome;

describe("assessing a priority against the gateway criteria", () => {
  it("all three met: the priority passes, the answers are stored, the assessment is audited, and it can be commissioned", async () => {
    const p = await publishedPriority();
    const result = await assessGateway(c.staff, answers(p.id, 1, [true, true, true]));
    expect(result).toMatchObject({ from: "PUBLISHED", to: "PUBLISHED", version: 2, gatewayOutcome: "PASSED" });
    const rows = await stored(p.id);
    expect(rows.map((r) => [r.met, r.rationale, r.assessedById]).sort()).toEqual([
      [true, "Rationale 1", c.staff.id],
      [true, "Rationale 2", c.staff.id],
      [true, "Rationale 3", c.staff.id],
    ]);
    expect((await make.auditFor(p.id)).at(-1)).toMatchObject({
      action: "assessGateway",
      actorId: c.staff.id,
      data: {
        gatewayOutcome: "PASSED",
        criteria: [
          { number: "1", met: true },
          { number: "2", met: true },
          { number: "3", met: true },
        ],
      },
    });
    const draft = await make.commission(p.id, c.group.id, c.staff.id);
    await expect(issueCommission(c.staff, { id: draft.id, version: 1 })).resolves.toMatchObject({ to: "ISSUED" });
  });

  it("any criterion not met fails the gateway; a reassessment updates the same answers", async () => {
    const p = await publishedPriority();
    await assessGateway(c.staff, answers(p.id, 1, [true, false, true]));
    expect(await outcomeOf(p.id)).toBe("FAILED");
    const draft = await make.commission(p.id, c.group.id, c.staff.id);
    expect((await refusal(issueCommission(c.staff, { id: draft.id, version: 1 }))).code).toBe("GUARD_FAILED");
    await assessGateway(c.staff, answers(p.id, 2, [true, true, true]));
    expect(await outcomeOf(p.id)).toBe("PASSED");
    expect(await stored(p.id)).toHaveLength(3);
    // The reassessment's event says what it overturned, and nothing about the answers it left as they were.
    expect(((await make.auditFor(p.id)).at(-1)?.data as { changes: unknown }).changes).toEqual({
      gatewayOutcome: { from: "FAILED", to: "PASSED" },
      "criterion 2": { from: { met: false, rationale: "Rationale 2" }, to: { met: true, rationale: "Rationale 2" } },
    });
  });

  it("answering some criteria keeps the others' earlier answers; until all are answered it is not assessed", async () => {
    const p = await publishedPriority();
    const first = answers(p.id, 1, [true, true, true]);
    await assessGateway(c.staff, { ...first, criteria: first.criteria.slice(0, 2) });
    expect(await outcomeOf(p.id)).toBe("NOT_ASSESSED");
    await assessGateway(c.staff, { ...first, version: 2, criteria: first.criteria.slice(2) });
    expect(await outcomeOf(p.id)).toBe("PASSED");
  });

  it("an expert cannot assess the gateway, and nothing is stored", async () => {
    const p = await publishedPriority();
    const err = await refusal(assessGateway(c.expert, answers(p.id, 1, [true, true, true])));
    expect(err.code).toBe("NOT_ALLOWED");
    expect(await stored(p.id)).toHaveLength(0);
    expect(await outcomeOf(p.id)).toBe("NOT_ASSESSED");
  });

  it("a draft or closed priority cannot be assessed", async () => {
    for (const status of ["DRAFT", "CLOSED"] as const) {
      const p = await publishedPriority(status);
      const err = await refusal(assessGateway(c.staff, answers(p.id, 1, [true, true, true])));
      expect(err.code).toBe("WRONG_STATE");
      expect(await stored(p.id)).toHaveLength(0);
    }
  });

  it("a missing answer or rationale is a field error on that criterion, and nothing is stored", async () => {
    const p = await publishedPriority();
    const input = answers(p.id, 1, [true, true, true]);
    const criteriaInput = input.criteria.map((k, i) =>
      i === 0 ? { criterionId: k.criterionId, rationale: k.rationale } : i === 1 ? { ...k, rationale: " " } : k,
    );
    const err = await refusal(assessGateway(c.staff, { ...input, criteria: criteriaInput }));
    expect(err.code).toBe("INVALID_INPUT");
    expect(err.fieldErrors).toEqual({ "criteria.0.met": ["Choose met or not met"], "criteria.1.rationale": ["Enter the rationale"] });
    expect(await stored(p.id)).toHaveLength(0);
    expect(await make.auditFor(p.id)).toHaveLength(0);
  });

  it("an unknown criterion is refused", async () => {
    const p = await publishedPriority();
    const input = answers(p.id, 1, [true, true, true]);
    input.criteria[2].criterionId = "no-such-criterion";
    const err = await refusal(assessGateway(c.staff, input));
    expect(err.fieldErrors?.["criteria.2.met"]?.[0]).toMatch(/no longer exists/);
    expect(await stored(p.id)).toHaveLength(0);
  });

  it("an assessment from a stale page is refused and changes nothing", async () => {
    const p = await publishedPriority();
    await assessGateway(c.staff, answers(p.id, 1, [true, true, true]));
    const err = await refusal(assessGateway(c.staff, answers(p.id, 1, [false, false, false])));
    expect(err.code).toBe("STALE_VERSION");
    expect(await outcomeOf(p.id)).toBe("PASSED");
    expect((await stored(p.id)).every((r) => r.met)).toBe(true);
  });
});
