import { beforeEach, describe, expect, it } from "vitest";
import {
  closePriority,
  closeRound,
  createPriority,
  createRound,
  editPriority,
  getPriority,
  getRound,
  listPriorities,
  movePriority,
  openRound,
  publishPriority,
} from "@/lib/data/priorities";
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
  title: "Frailty in older people",
  workforceNeed: "More advanced practitioners in frailty services",
  populationNeed: "Ageing population with complex needs",
  longTermPlanLink: "Ageing well",
  professions: "Nursing\nPhysiotherapy",
  estimatedScale: "450",
};

describe("priority rounds", () => {
  it("staff create, open and close a round, each step audited", async () => {
    const round = await createRound(c.staff, { name: "2027/28" });
    await openRound(c.staff, { id: round.id, version: 1 });
    await closeRound(c.staff, { id: round.id, version: 2, reason: "Every priority for the year is settled." });
    expect((await make.auditFor(round.id)).map((a) => `${a.action}:${a.toState}`)).toEqual(["create:DRAFT", "open:OPEN", "close:CLOSED"]);
  });

  it("a round closes only with a reason, kept on the round and in its audit event", async () => {
    const round = await createRound(c.staff, { name: "2028/29" });
    await openRound(c.staff, { id: round.id, version: 1 });
    const err = await refusal(closeRound(c.staff, { id: round.id, version: 2, reason: "  " }));
    expect(err.code).toBe("INVALID_INPUT");
    expect(err.fieldErrors?.reason).toBeDefined();
    expect((await getRound(c.staff, round.id))?.status).toBe("OPEN");
    await closeRound(c.staff, { id: round.id, version: 2, reason: "Superseded by the 2029/30 round." });
    expect(await getRound(c.staff, round.id)).toMatchObject({ status: "CLOSED", closedReason: "Superseded by the 2029/30 round." });
    expect((await make.auditFor(round.id)).at(-1)).toMatchObject({ action: "close", reason: "Superseded by the 2029/30 round." });
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
    expect(forExpert.rows.map((p) => p.title)).toEqual(["Frailty (updated)"]);
    expect((await listPriorities(c.staff)).rows.map((p) => p.status)).toEqual(["PUBLISHED", "DRAFT"]);
    // A round filter that could not be a round's id (a NUL PostgreSQL would refuse) is ignored like an unknown one.
    for (const round of ["\u0000", "a\u0000b", "x".repeat(500)]) expect((await listPriorities(c.staff, { round })).total).toBe(2);
  });

  it("colleagues adding priorities to a round at the same moment each get theirs, ranked one after another", async () => {
    const round = await make.round("OPEN");
    const titles = ["Frailty", "Acute oncology", "Sepsis", "Diabetes", "Stroke"];
    // The round's row is updated by every addition: without waiting for each other, all but one were refused as if
    // the round had been changed under them.
    const added = await Promise.all(titles.map((title) => createPriority(c.staff, { ...fields, title, roundId: round.id })));
    expect(added.map((p) => p.rank).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(await testDb().priority.count({ where: { roundId: round.id } })).toBe(5);
  });

  it("bad input gets field errors and nothing is saved", async () => {
    const round = await make.round("OPEN");
    const err = await refusal(
      createPriority(c.staff, { ...fields, roundId: round.id, title: "", professions: "", estimatedScale: "lots" }),
    );
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

describe("ranking priorities within a round", () => {
  async function threeInRound(status: "OPEN" | "CLOSED" = "OPEN") {
    const round = await make.round("OPEN");
    const [a, b, d] = [
      await createPriority(c.staff, { ...fields, title: "A", roundId: round.id }),
      await createPriority(c.staff, { ...fields, title: "B", roundId: round.id }),
      await createPriority(c.staff, { ...fields, title: "C", roundId: round.id }),
    ];
    if (status === "CLOSED") await testDb().priorityRound.update({ where: { id: round.id }, data: { status } });
    return { round, a, b, c: d };
  }
  const order = async (roundId: string) => (await listPriorities(c.staff, { round: roundId })).rows.map((p) => `${p.rank}:${p.title}`);
  const rankOf = async (id: string) => (await testDb().priority.findUniqueOrThrow({ where: { id } })).rank;

  it("staff move a priority up: it swaps ranks with its neighbour, and both rows are versioned and audited", async () => {
    const { round, b, c: third } = await threeInRound();
    const moved = await movePriority(c.staff, { id: third.id, version: 1, direction: "up", neighbourId: b.id, neighbourVersion: 1 });
    expect(moved).toMatchObject({ id: third.id, version: 2, roundId: round.id });
    expect(await order(round.id)).toEqual(["1:A", "2:C", "3:B"]);
    const [mover, neighbour] = await Promise.all([make.auditFor(third.id), make.auditFor(b.id)]);
    expect(mover.at(-1)).toMatchObject({ action: "rank", actorId: c.staff.id, data: { changes: { rank: { from: 3, to: 2 } } } });
    expect(neighbour.at(-1)).toMatchObject({ action: "rank", data: { changes: { rank: { from: 2, to: 3 } } } });
    expect((await testDb().priority.findUniqueOrThrow({ where: { id: b.id } })).version).toBe(2);
  });

  it("moving down swaps with the next priority, skipping closed ones, which keep their rank", async () => {
    const { round, a, b, c: third } = await threeInRound();
    await testDb().priority.update({ where: { id: b.id }, data: { status: "CLOSED" } });
    await movePriority(c.staff, { id: a.id, version: 1, direction: "down", neighbourId: third.id, neighbourVersion: 1 });
    expect(await order(round.id)).toEqual(["1:C", "2:B", "3:A"]);
  });

  it("an expert cannot rank priorities", async () => {
    const { a, b } = await threeInRound();
    const err = await refusal(movePriority(c.expert, { id: b.id, version: 1, direction: "up", neighbourId: a.id, neighbourVersion: 1 }));
    expect(err.code).toBe("NOT_ALLOWED");
    expect(err.message).toBe("Only Centre staff can reorder priorities.");
    expect(await rankOf(b.id)).toBe(2);
  });

  it("the first priority cannot move up, and a closed round cannot be reordered", async () => {
    const { a, b } = await threeInRound();
    const first = await refusal(movePriority(c.staff, { id: a.id, version: 1, direction: "up", neighbourId: b.id, neighbourVersion: 1 }));
    expect(first).toMatchObject({ code: "WRONG_STATE", message: "This priority is already first in its round." });
    const closed = await threeInRound("CLOSED");
    const err = await refusal(
      movePriority(c.staff, { id: closed.b.id, version: 1, direction: "up", neighbourId: closed.a.id, neighbourVersion: 1 }),
    );
    expect(err).toMatchObject({ code: "GUARD_FAILED", message: "This priority round is Closed, so its priorities cannot be reordered." });
    expect(await rankOf(closed.b.id)).toBe(2);
  });

  it("bad input gets field errors and nothing moves", async () => {
    const { a, b } = await threeInRound();
    const err = await refusal(
      movePriority(c.staff, { id: b.id, version: 1, direction: "sideways", neighbourId: a.id, neighbourVersion: "x" }),
    );
    expect(err.code).toBe("INVALID_INPUT");
    expect(Object.keys(err.fieldErrors ?? {}).sort()).toEqual(["direction", "neighbourVersion"]);
    expect(await rankOf(b.id)).toBe(2);
  });

  it("a move from a stale page is refused: an old version of either row, or a neighbour that is no longer next", async () => {
    const { a, b, c: third } = await threeInRound();
    await editPriority(c.staff, { ...fields, id: a.id, version: 1, title: "A (edited)" });
    const staleNeighbour = await refusal(
      movePriority(c.staff, { id: b.id, version: 1, direction: "up", neighbourId: a.id, neighbourVersion: 1 }),
    );
    expect(staleNeighbour.code).toBe("STALE_VERSION");
    // The mover's own swap was rolled back with the refused neighbour's.
    expect([await rankOf(a.id), await rankOf(b.id)]).toEqual([1, 2]);
    const staleMover = await refusal(
      movePriority(c.staff, { id: b.id, version: 9, direction: "up", neighbourId: a.id, neighbourVersion: 2 }),
    );
    expect(staleMover.code).toBe("STALE_VERSION");
    const notNext = await refusal(
      movePriority(c.staff, { id: third.id, version: 1, direction: "up", neighbourId: a.id, neighbourVersion: 2 }),
    );
    expect(notNext.code).toBe("STALE_VERSION");
    // Only the title edit is in the trail: no refused move left an audit event.
    expect(await testDb().auditEvent.count({ where: { entityId: { in: [a.id, b.id, third.id] }, action: "edit" } })).toBe(1);
    expect(await testDb().auditEvent.count({ where: { entityId: { in: [a.id, b.id, third.id] }, action: "rank" } })).toBe(0);
  });
});

describe("reading a priority", () => {
  it("others see only published priorities; staff get the transitions they may make", async () => {
    const round = await make.round("OPEN");
    const draft = await make.priority(round.id);
    expect(await getPriority(c.expert, draft.id)).toBeNull();
    expect((await getPriority(c.staff, draft.id))?.available).toEqual(["edit", "rank", "publish"]);
    await publishPriority(c.staff, { id: draft.id, version: 1 });
    expect((await getPriority(c.expert, draft.id))?.available).toEqual([]);
    expect((await getPriority(c.staff, draft.id))?.available).toEqual(["edit", "rank", "assessGateway", "close"]);
  });
});
