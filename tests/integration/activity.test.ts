import { beforeEach, describe, expect, it } from "vitest";
import { activity, activityQuery } from "@/lib/data/activity";
import { resetDb, testDb } from "../support/db";
import * as make from "../support/factory";

beforeEach(resetDb);

const audit = (entityType: string, entityId: string, actorId: string | null, action = "edit") =>
  testDb().auditEvent.create({ data: { entityType, entityId, action, actorId, actorRole: actorId ? "CENTRE_STAFF" : null } });

describe("the Centre's activity list", () => {
  it("names and links each record and the person who acted", async () => {
    const c = await make.cast();
    const round = await make.round("OPEN");
    const p = await make.priority(round.id);
    await audit("PriorityRound", round.id, c.staff.id, "open");
    await audit("Priority", p.id, null, "publish");
    const { rows } = await activity(c.staff);
    const staffName = (await testDb().user.findUniqueOrThrow({ where: { id: c.staff.id } })).name;
    expect(rows.map((r) => [r.action, r.record, r.actorName])).toEqual([
      ["publish", { label: p.title, href: `/priorities/${p.id}` }, "Scheduled job"],
      ["open", { label: round.name, href: `/priorities/rounds/${round.id}` }, staffName],
    ]);
  });

  it("links people's records only for admins, who can open them", async () => {
    const c = await make.cast();
    await audit("User", c.expert.id, c.staff.id, "deactivate");
    expect((await activity({ ...c.staff, isAdmin: false })).rows[0].record?.href).toBeNull();
    expect((await activity({ ...c.staff, isAdmin: true })).rows[0].record?.href).toBe(`/admin/people/${c.expert.id}`);
  });

  it("narrows to one kind of record and pages older events by keyset, ignoring an unknown kind", async () => {
    const c = await make.cast();
    const round = await make.round("OPEN");
    for (let i = 0; i < 3; i++) await audit("PriorityRound", round.id, c.staff.id, `step ${i}`);
    await audit("Priority", (await make.priority(round.id)).id, c.staff.id);
    expect(activityQuery({ type: "<script>" }).type).toBeUndefined();
    const first = await activity(c.staff, activityQuery({ type: "PriorityRound" }), 2);
    expect(first.rows.map((r) => r.action)).toEqual(["step 2", "step 1"]);
    const second = await activity(c.staff, { type: "PriorityRound", keyset: { after: first.next! } }, 2);
    expect(second.rows.map((r) => r.action)).toEqual(["step 0"]);
    expect(second.next).toBeNull();
  });

  it("shows nothing to anyone but Centre staff", async () => {
    const c = await make.cast();
    await audit("PriorityRound", (await make.round("OPEN")).id, c.staff.id);
    for (const who of [c.expert, c.provider, c.reviewer]) expect((await activity(who)).rows).toEqual([]);
  });
});
