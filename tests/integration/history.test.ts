import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { historyOf } from "@/lib/data/history";
import { resetDb, testDb } from "../support/db";
import { actor, organisation } from "../support/factory";

// A record's history is read in one statement: the page of events newest first, who did each, and the total.

let staff: Awaited<ReturnType<typeof actor>>;
const entity = `entity-${randomUUID()}`;
const other = `entity-${randomUUID()}`;
const first = new Date("2026-01-02T03:04:05.678Z");

beforeAll(async () => {
  await resetDb();
  staff = await actor("CENTRE_STAFF", (await organisation("CENTRE")).id);
  const gone = randomUUID();
  // Seven events of the entity (1 … 7, a minute apart): by staff, by the scheduled job, by an account since removed.
  await testDb().auditEvent.createMany({
    data: Array.from({ length: 7 }, (_, i) => ({
      entityType: "Credential",
      entityId: entity,
      action: `action-${i + 1}`,
      actorId: i % 3 === 0 ? staff.id : i % 3 === 1 ? null : gone,
      actorRole: i % 3 === 1 ? "SYSTEM" : "CENTRE_STAFF",
      createdAt: new Date(first.getTime() + i * 60_000),
    })),
  });
  await testDb().auditEvent.create({ data: { entityType: "Credential", entityId: other, action: "elsewhere" } });
});

describe("history of a record", () => {
  it("reads a page newest first with who acted, when, and how many events there are", async () => {
    const page = await historyOf(staff, [entity], {}, 3);
    expect(page.total).toBe(7);
    expect(page.rows.map((e) => e.action)).toEqual(["action-7", "action-6", "action-5"]);
    expect(page.rows.map((e) => e.actorName)).toEqual(["CENTRE_STAFF user", "Unknown user", "Scheduled job"]);
    expect(page.rows[0].createdAt).toEqual(new Date(first.getTime() + 6 * 60_000));
    expect(page.rows[0].id).toMatch(/^\d+$/);
    expect(page.previous).toBeNull();
    expect(page.next).toBe(page.rows[2].id);
  });

  it("pages forward to the oldest event and back again without skipping or repeating one", async () => {
    const one = await historyOf(staff, [entity], {}, 3);
    const two = await historyOf(staff, [entity], { after: one.next! }, 3);
    const three = await historyOf(staff, [entity], { after: two.next! }, 3);
    expect(two.rows.map((e) => e.action)).toEqual(["action-4", "action-3", "action-2"]);
    expect(three.rows.map((e) => e.action)).toEqual(["action-1"]);
    expect(three.next).toBeNull();
    expect(three.total).toBe(7);
    const back = await historyOf(staff, [entity], { before: three.previous! }, 3);
    expect(back.rows.map((e) => e.action)).toEqual(["action-4", "action-3", "action-2"]);
    expect(back.next).toBe(two.next);
    const start = await historyOf(staff, [entity], { before: back.previous! }, 3);
    expect(start.rows.map((e) => e.action)).toEqual(["action-7", "action-6", "action-5"]);
    expect(start.previous).toBeNull();
  });

  it("reads the events of every entity asked for, and none of another's", async () => {
    const both = await historyOf(staff, [entity, other], {}, 20);
    expect(both.total).toBe(8);
    expect(both.rows.map((e) => e.action)[0]).toBe("elsewhere");
    expect((await historyOf(staff, [], {}, 20)).rows).toEqual([]);
  });
});
