import { beforeEach, describe, expect, it } from "vitest";
import {
  acceptCommission,
  cancelCommission,
  createCommission,
  declineCommission,
  getCommission,
  issueCommission,
  whyNotCommissionable,
} from "@/lib/data/commissions";
import { AppError } from "@/lib/errors";
import { resetDb, testDb } from "../support/db";
import * as make from "../support/factory";
import { refusal } from "../support/refusal";

type Cast = Awaited<ReturnType<typeof make.cast>>;
let c: Cast;
let priorityId: string;

beforeEach(async () => {
  await resetDb();
  c = await make.cast();
  const round = await make.round("OPEN");
  priorityId = (await make.priority(round.id, { status: "PUBLISHED", gatewayOutcome: "PASSED" })).id;
});

const validInput = () => ({
  priorityId,
  organisationId: c.group.id,
  title: "Frailty in older people",
  brief: "Develop the specification",
  deliverables: "Specification",
  startsOn: "2026-01-05",
  dueOn: "2026-07-31",
});

describe("creating a commission", () => {
  it("staff create a draft commission and an audit event records it", async () => {
    const commission = await createCommission(c.staff, validInput());
    expect(commission.status).toBe("DRAFT");
    const audit = await make.auditFor(commission.id);
    expect(audit.map((a) => [a.action, a.toState, a.actorId])).toEqual([["create", "DRAFT", c.staff.id]]);
  });

  it("bad input gets field errors and persists nothing", async () => {
    const before = await testDb().commission.count();
    const err = await refusal(createCommission(c.staff, { ...validInput(), title: " ", dueOn: "2025-01-01" }));
    expect(err.code).toBe("INVALID_INPUT");
    expect(err.fieldErrors?.title).toEqual(["Enter a title"]);
    expect(err.fieldErrors?.dueOn).toEqual(["The due date must be after the start date"]);
    expect(await testDb().commission.count()).toBe(before);
    expect(await testDb().auditEvent.count()).toBe(0);
  });

  it("an expert cannot create a commission", async () => {
    const err = await refusal(createCommission(c.expert, validInput()));
    expect(err.code).toBe("NOT_ALLOWED");
    expect(await testDb().commission.count()).toBe(0);
  });
});

describe("choosing the expert group", () => {
  it("a commission must go to an expert group", async () => {
    const err = await refusal(
      createCommission(c.staff, { ...validInput(), organisationId: (await make.organisation("EDUCATION_PROVIDER")).id }),
    );
    expect(err.fieldErrors).toEqual({ organisationId: ["Choose an expert group"] });
    expect(await testDb().commission.count()).toBe(0);
  });
});

describe("issuing, accepting and declining", () => {
  it("issuing notifies the expert group; accepting creates the credential and its first draft", async () => {
    const draft = await make.commission(priorityId, c.group.id, c.staff.id);
    const issued = await issueCommission(c.staff, { id: draft.id, version: draft.version });
    expect(issued).toMatchObject({ from: "DRAFT", to: "ISSUED", version: 2 });
    expect(await testDb().notification.count({ where: { userId: c.expert.id } })).toBe(1);
    expect(await testDb().emailOutbox.count({ where: { to: c.expert.email } })).toBe(1);

    const accepted = await acceptCommission(c.expert, { id: draft.id, version: 2 });
    const credential = await testDb().credential.findUniqueOrThrow({ where: { id: accepted.credentialId }, include: { versions: true } });
    expect(credential).toMatchObject({ origin: "COMMISSIONED", status: "IN_DEVELOPMENT", ownerOrganisationId: c.group.id });
    expect(credential.reference).toMatch(/^APC-\d{4}$/);
    expect(credential.versions.map((v) => [v.number, v.status])).toEqual([[1, "DRAFT"]]);
    expect((await make.auditFor(draft.id)).map((a) => `${a.fromState}->${a.toState}`)).toEqual(["DRAFT->ISSUED", "ISSUED->ACCEPTED"]);
  });

  it("a priority that has not passed the gateway cannot be commissioned", async () => {
    const round = await make.round("OPEN");
    const p = await make.priority(round.id, { status: "PUBLISHED", gatewayOutcome: "NOT_ASSESSED" });
    const draft = await make.commission(p.id, c.group.id, c.staff.id);
    const err = await refusal(issueCommission(c.staff, { id: draft.id, version: 1 }));
    expect(err.code).toBe("GUARD_FAILED");
    expect(err.message).toMatch(/passed the gateway/);
    expect((await testDb().commission.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("DRAFT");
  });

  it("an expert of another organisation cannot see or accept the commission", async () => {
    const issued = await make.commission(priorityId, c.group.id, c.staff.id, "ISSUED");
    const err = await refusal(acceptCommission(c.otherExpert, { id: issued.id, version: 1 }));
    expect(err.code).toBe("NOT_FOUND");
  });

  it("declining needs a reason", async () => {
    const issued = await make.commission(priorityId, c.group.id, c.staff.id, "ISSUED");
    const err = await refusal(declineCommission(c.expert, { id: issued.id, version: 1, reason: "" }));
    expect(err.code).toBe("INVALID_INPUT");
    expect(err.fieldErrors?.reason?.[0]).toMatch(/reason/);
    await declineCommission(c.expert, { id: issued.id, version: 1, reason: "No capacity this year" });
    const audit = await make.auditFor(issued.id);
    expect(audit.at(-1)).toMatchObject({ action: "decline", toState: "DECLINED", reason: "No capacity this year" });
  });

  it("a commission in the wrong state is refused", async () => {
    const draft = await make.commission(priorityId, c.group.id, c.staff.id, "DRAFT");
    const err = await refusal(acceptCommission(c.expert, { id: draft.id, version: 1 }));
    // Experts cannot see drafts at all; staff get the state refusal.
    expect(err.code).toBe("NOT_FOUND");
    await issueCommission(c.staff, { id: draft.id, version: 1 });
    const again = await refusal(issueCommission(c.staff, { id: draft.id, version: 2 }));
    expect(again.code).toBe("WRONG_STATE");
  });
});

describe("optimistic locking", () => {
  it("a stale version is refused with a clear message and changes nothing", async () => {
    const issued = await make.commission(priorityId, c.group.id, c.staff.id, "ISSUED");
    await testDb().commission.update({ where: { id: issued.id }, data: { version: 2, brief: "Edited meanwhile" } });
    const err = await refusal(acceptCommission(c.expert, { id: issued.id, version: 1 }));
    expect(err.code).toBe("STALE_VERSION");
    expect(err.message).toMatch(/changed by someone else/);
    expect((await testDb().commission.findUniqueOrThrow({ where: { id: issued.id } })).status).toBe("ISSUED");
    expect(await testDb().credential.count()).toBe(0);
  });

  it("of two concurrent conflicting transitions exactly one succeeds", async () => {
    const issued = await make.commission(priorityId, c.group.id, c.staff.id, "ISSUED");
    const results = await Promise.allSettled([
      acceptCommission(c.expert, { id: issued.id, version: 1 }),
      declineCommission(c.expert, { id: issued.id, version: 1, reason: "Declined at the same moment" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason).toBeInstanceOf(AppError);
    expect(["STALE_VERSION", "WRONG_STATE"]).toContain(rejected[0].reason.code);
    const audit = await make.auditFor(issued.id);
    expect(audit).toHaveLength(1);
    const final = await testDb().commission.findUniqueOrThrow({ where: { id: issued.id } });
    expect(final.version).toBe(2);
    expect(await testDb().credential.count()).toBe(final.status === "ACCEPTED" ? 1 : 0);
  });
});

describe("cancelling", () => {
  it("cancelling an issued commission needs a reason, is audited and tells the expert group", async () => {
    const issued = await make.commission(priorityId, c.group.id, c.staff.id, "ISSUED");
    expect((await refusal(cancelCommission(c.staff, { id: issued.id, version: 1, reason: "" }))).code).toBe("INVALID_INPUT");
    await cancelCommission(c.staff, { id: issued.id, version: 1, reason: "Priority met by another route" });
    expect((await make.auditFor(issued.id)).at(-1)).toMatchObject({
      action: "cancel",
      toState: "CANCELLED",
      reason: "Priority met by another route",
    });
    const notes = await testDb().notification.findMany({ where: { link: `/commissions/${issued.id}` } });
    expect(notes.map((n) => [n.userId, n.body])).toEqual([[c.expert.id, "Priority met by another route"]]);
  });

  it("cancelling a draft tells nobody: the expert group never saw it", async () => {
    const draft = await make.commission(priorityId, c.group.id, c.staff.id);
    await cancelCommission(c.staff, { id: draft.id, version: 1, reason: "Drafted by mistake" });
    expect(await testDb().notification.count()).toBe(0);
  });

  it("an expert cannot cancel, and a stale cancel changes nothing", async () => {
    const issued = await make.commission(priorityId, c.group.id, c.staff.id, "ISSUED");
    expect((await refusal(cancelCommission(c.expert, { id: issued.id, version: 1, reason: "No" }))).code).toBe("NOT_ALLOWED");
    expect((await refusal(cancelCommission(c.staff, { id: issued.id, version: 7, reason: "Late" }))).code).toBe("STALE_VERSION");
    expect((await testDb().commission.findUniqueOrThrow({ where: { id: issued.id } })).status).toBe("ISSUED");
  });
});

describe("reading a commission", () => {
  it("the commissioned group's members may accept or decline; other groups cannot see it; staff may cancel", async () => {
    const issued = await make.commission(priorityId, c.group.id, c.staff.id, "ISSUED");
    expect((await getCommission(c.expert, issued.id))?.available).toEqual(["accept", "decline"]);
    expect((await getCommission(c.staff, issued.id))?.available).toEqual(["cancel"]);
    expect(await getCommission(c.otherExpert, issued.id)).toBeNull();
    expect(await getCommission(c.provider, issued.id)).toBeNull();
  });

  it("explains why a priority cannot be commissioned yet", () => {
    expect(whyNotCommissionable(c.staff, { status: "PUBLISHED", gatewayOutcome: "PASSED" })).toBeNull();
    expect(whyNotCommissionable(c.staff, { status: "PUBLISHED", gatewayOutcome: "FAILED" })).toMatch(
      /passed the gateway can be commissioned; its gateway outcome is Failed/,
    );
    expect(whyNotCommissionable(c.staff, { status: "DRAFT", gatewayOutcome: "NOT_ASSESSED" })).toMatch(/published priority/);
  });
});
