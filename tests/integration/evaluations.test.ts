import { beforeEach, describe, expect, it } from "vitest";
import { listEvaluations, recordEvaluation } from "@/lib/data/evaluations";
import { resetDb, testDb } from "../support/db";
import * as make from "../support/factory";
import * as q from "../support/quality-factory";
import { refusal } from "../support/refusal";

let c: q.QualityCast;
beforeEach(async () => {
  await resetDb();
  c = await q.qualityCast();
});

describe("evaluation conclusions", () => {
  it("staff record collective and individual evaluations (audited); others cannot; a conclusion is required", async () => {
    const collective = await recordEvaluation(c.staff, { conclusion: "Strong deployment", recommendations: "", period: "2025/26" });
    const individual = await recordEvaluation(c.staff, { credentialId: c.credential.id, conclusion: "Good value" });
    expect((await make.auditFor(collective.id))[0]).toMatchObject({ entityType: "Evaluation", action: "create", actorId: c.staff.id });
    expect((await listEvaluations(c.staff, null)).map((e) => [e.conclusion, e.period, e.authorName])).toEqual([
      ["Strong deployment", "2025/26", "CENTRE_STAFF user"],
    ]);
    expect((await listEvaluations(c.staff, c.credential.id)).map((e) => e.id)).toEqual([individual.id]);
    expect(await listEvaluations(c.provider, null)).toEqual([]);
    expect((await refusal(recordEvaluation(c.provider, { conclusion: "Mine" }))).code).toBe("NOT_ALLOWED");
    expect((await refusal(recordEvaluation(c.staff, { conclusion: " " }))).fieldErrors?.conclusion).toEqual(["Enter the conclusion"]);
    expect((await refusal(recordEvaluation(c.staff, { credentialId: "missing", conclusion: "x" }))).code).toBe("NOT_FOUND");
    expect(await testDb().evaluation.count()).toBe(2);
  });
});
