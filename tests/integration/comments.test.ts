import { beforeEach, describe, expect, it } from "vitest";
import { addComment, commentThreads, reopenComment, resolveComment } from "@/lib/data/comments";
import { resetDb, testDb } from "../support/db";
import * as make from "../support/factory";
import { refusal } from "../support/refusal";
import { assignReviewer, credentialWithVersion } from "../support/specification-factory";

type Cast = Awaited<ReturnType<typeof make.cast>>;
let c: Cast;
let versionId: string;

beforeEach(async () => {
  await resetDb();
  c = await make.cast();
  versionId = (await credentialWithVersion(c.group.id, { status: "SUBMITTED" })).version.id;
});

const comment = (over: Record<string, unknown> = {}) => ({
  specificationVersionId: versionId,
  section: "learningOutcomes",
  body: "Outcome 2 is not measurable.",
  ...over,
});
const notified = (userId: string) => testDb().notification.count({ where: { userId } });

describe("adding comments", () => {
  it("staff comment on a section: audited, and the expert group is told", async () => {
    const created = await addComment(c.staff, comment());
    expect(created).toMatchObject({ section: "learningOutcomes", number: 1 });
    const row = await testDb().comment.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ status: "OPEN", authorId: c.staff.id, parentId: null, body: "Outcome 2 is not measurable." });
    expect((await make.auditFor(created.id)).map((a) => [a.action, a.toState, a.actorId])).toEqual([["create", "OPEN", c.staff.id]]);
    expect(await notified(c.expert.id)).toBe(1);
    expect(await notified(c.staff.id)).toBe(0);
  });

  it("a reply joins the thread (a reply to a reply too) and tells staff and everyone in the thread", async () => {
    await assignReviewer(versionId, c.reviewer.id);
    const first = await addComment(c.reviewer, comment());
    const reply = await addComment(c.expert, comment({ parentId: first.id, section: "evidenceBase", body: "Rewritten in v2." }));
    const again = await addComment(c.staff, comment({ parentId: reply.id, body: "Thanks." }));
    const rows = await testDb().comment.findMany({ where: { id: { in: [reply.id, again.id] } } });
    expect(rows.map((r) => [r.parentId, r.section])).toEqual([
      [first.id, "learningOutcomes"],
      [first.id, "learningOutcomes"],
    ]);
    expect(await notified(c.staff.id)).toBe(1);
    expect(await notified(c.reviewer.id)).toBe(2);
    const threads = await commentThreads(c.expert, versionId);
    expect(threads.get("learningOutcomes")?.map((t) => t.replies.map((r) => r.body))).toEqual([["Rewritten in v2.", "Thanks."]]);
  });

  it("an empty comment or an unknown section gets field errors and persists nothing", async () => {
    const err = await refusal(addComment(c.staff, comment({ body: "  ", section: "horoscope" })));
    expect(err.code).toBe("INVALID_INPUT");
    expect(err.fieldErrors?.body).toEqual(["Enter your comment"]);
    expect(err.fieldErrors?.section).toBeDefined();
    expect(await testDb().comment.count()).toBe(0);
  });

  it("an expert of another group, an unassigned reviewer and a provider cannot comment", async () => {
    expect((await refusal(addComment(c.otherExpert, comment()))).code).toBe("NOT_FOUND");
    expect((await refusal(addComment(c.reviewer, comment()))).code).toBe("NOT_FOUND");
    expect((await refusal(addComment(c.provider, comment()))).code).toBe("NOT_ALLOWED");
    expect(await testDb().comment.count()).toBe(0);
  });

  it("only participants see the threads", async () => {
    await addComment(c.staff, comment());
    expect((await commentThreads(c.expert, versionId)).size).toBe(1);
    expect((await commentThreads(c.otherExpert, versionId)).size).toBe(0);
    expect((await commentThreads(c.reviewer, versionId)).size).toBe(0);
    expect((await commentThreads(c.provider, versionId)).size).toBe(0);
  });
});

describe("resolving and reopening", () => {
  it("the expert resolves a thread and staff reopen it, each audited and told to the thread", async () => {
    const { id } = await addComment(c.staff, comment());
    await expect(resolveComment(c.expert, { id, version: 1 })).resolves.toMatchObject({ from: "OPEN", to: "RESOLVED" });
    expect((await testDb().comment.findUniqueOrThrow({ where: { id } })).resolvedAt).not.toBeNull();
    expect(await notified(c.staff.id)).toBe(1);
    await reopenComment(c.staff, { id, version: 2 });
    const row = await testDb().comment.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "OPEN", resolvedAt: null, version: 3 });
    expect((await make.auditFor(id)).map((a) => `${a.action}:${a.fromState ?? ""}->${a.toState}`)).toEqual([
      "create:->OPEN",
      "resolve:OPEN->RESOLVED",
      "reopen:RESOLVED->OPEN",
    ]);
  });

  it("a resolved thread cannot be resolved again, and a stale resolve is refused", async () => {
    const { id } = await addComment(c.staff, comment());
    await resolveComment(c.expert, { id, version: 1 });
    expect((await refusal(resolveComment(c.staff, { id, version: 2 }))).code).toBe("WRONG_STATE");
    expect((await refusal(reopenComment(c.staff, { id, version: 1 }))).code).toBe("STALE_VERSION");
    expect((await testDb().comment.findUniqueOrThrow({ where: { id } })).status).toBe("RESOLVED");
  });

  it("another group's expert cannot resolve, and a reply cannot be resolved apart from its thread", async () => {
    const { id } = await addComment(c.staff, comment());
    expect((await refusal(resolveComment(c.otherExpert, { id, version: 1 }))).code).toBe("NOT_FOUND");
    const reply = await addComment(c.expert, comment({ parentId: id }));
    expect((await refusal(resolveComment(c.expert, { id: reply.id, version: 1 }))).code).toBe("WRONG_STATE");
  });
});
