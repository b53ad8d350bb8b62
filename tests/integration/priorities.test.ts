import { beforeEach, describe, expect, it } from "vitest";
import { closePriority, closeRound, createPriority, createRound, editPriority, listPriorities, openRound, publishPriority } from "@/lib/data/priorities";
import { resetDb, testDb } from "../support/db";
import * as make from "../support/factory";
import { refusal } from "../support/refusal";

type Cast = Awaited<ReturnType<typeof make.cast>>;
let c: Cast;

beforeEach(async () => {
  await resetDb();
  c = await make.cast();
});

const fields = {
  title: "Frailty in older people", workforceNeed: "More advanced practitioners in frailty services",
  populationNeed: "Ageing population with complex needs", longTermPlanLink: "Ageing well", professions: "Nursing\nPhysiotherapy",
  estimatedScale: "450",
};

describe("priority rounds", () => {
  it("staff create, open and close a round, each step audited", async () => {
    const round = await createRound(c.staff, { name: "2027/28" });
    await openRound(c.staff, { id: round.id, version: 1 });
    await closeRound(c.staff, { id: round.id, version: 2 });
    expect((await make.auditFor(round.id)).map((a) => `${a.action}:${a.toState}`)).toEqual(["create:DRAFT", "open:OPEN", "close:CLOSED"]);
  });

  it("a duplicate round name is a field error", async () => {
    await createRound(c.staff, { name: "2027/28" });
    const err = await refusal(createRound(c.staff, { name: "2027/28" }));
    expect(err.fieldErrors?.name).toEqual(["A round with this name already exists"]);
  });

  it("a provider cannot open a round", async () => {
    const round = await make.round("DRAFT");
    const err = await refusal(openRound(c.provider, { id: round.id, version: 1 }));
    expect(err.code).toBe("NOT_ALLOWED");
    expect(err.message).toBe("Only Centre staff can open a priority round.");
  });
});

describe("priorities", () => {
  it("staff add priorities ranked in order, edit and publish them; everyone sees published ones", async () => {
    const round = await make.round("OPEN");
    const first = await createPriority(c.staff, { ...fields, roundId: round.id });
    const second = await createPriority(c.staff, { ...fields, title: "Acute oncology", roundId: round.id });
    expect([first.rank, second.rank]).toEqual([1, 2]);
    expect(first.professions).toEqual(["Nursing", "Physiotherapy"]);
    expect(first.estimatedScale).toBe(450);

    await editPriority(c.staff, { ...fields, id: first.id, version: 1, title: "Frailty (updated)" });
    await publishPriority(c.staff, { id: first.id, version: 2 });
    const forExpert = await listPriorities(c.expert);
    expect(forExpert.map((p) => p.title)).toEqual(["Frailty (updated)"]);
    expect((await listPriorities(c.staff)).map((p) => p.status)).toEqual(["PUBLISHED", "DRAFT"]);
  });

  it("bad input gets field errors and nothing is saved", async () => {
    const round = await make.round("OPEN");
    const err = await refusal(createPriority(c.staff, { ...fields, roundId: round.id, title: "", professions: "", estimatedScale: "lots" }));
    expect(err.code).toBe("INVALID_INPUT");
    expect(Object.keys(err.fieldErrors ?? {}).sort()).toEqual(["estimatedScale", "professions", "title"]);
    expect(await testDb().priority.count()).toBe(0);
  });

  it("cannot publish while the round is not open", async () => {
    const round = await make.round("DRAFT");
    const p = await make.priority(round.id);
    const err = await refusal(publishPriority(c.staff, { id: p.id, version: 1 }));
    expect(err.code).toBe("GUARD_FAILED");
    expect(err.message).toMatch(/round is open/);
  });

  it("closing needs a reason, and a closed priority cannot be published", async () => {
    const round = await make.round("OPEN");
    const p = await make.priority(round.id, { status: "PUBLISHED" });
    expect((await refusal(closePriority(c.staff, { id: p.id, version: 1, reason: "  " }))).code).toBe("INVALID_INPUT");
    await closePriority(c.staff, { id: p.id, version: 1, reason: "Met by existing provision" });
    const err = await refusal(publishPriority(c.staff, { id: p.id, version: 2 }));
    expect(err.code).toBe("WRONG_STATE");
    expect((await testDb().priority.findUniqueOrThrow({ where: { id: p.id } })).closedReason).toBe("Met by existing provision");
  });

  it("an edit from a stale form is refused and the newer text is kept", async () => {
    const round = await make.round("OPEN");
    const p = await make.priority(round.id);
    await editPriority(c.staff, { ...fields, id: p.id, version: 1, title: "First edit" });
    const err = await refusal(editPriority(c.staff, { ...fields, id: p.id, version: 1, title: "Stale edit" }));
    expect(err.code).toBe("STALE_VERSION");
    expect((await testDb().priority.findUniqueOrThrow({ where: { id: p.id } })).title).toBe("First edit");
  });
});
