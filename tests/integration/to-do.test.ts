import { beforeEach, describe, expect, it } from "vitest";
import { TO_DO_SIZE, toDoList, urgencyOf } from "@/lib/data/to-do";
import { resetDb, testDb } from "../support/db";
import * as q from "../support/quality-factory";

beforeEach(resetDb);

const day = 86_400_000;
const fromToday = (days: number) => new Date(Math.floor(Date.now() / day) * day + days * day);

describe("the dashboard's to-do list", () => {
  it("lists a provider's own tasks, overdue first, then due within 14 days, then later and undated ones", async () => {
    const c = await q.qualityCast();
    const later = await q.annualReturn(c.plan.id, "OPEN", fromToday(60));
    const soon = await q.annualReturn((await q.plan(c.credential, c.providerOrg.id)).id, "QUERIED", fromToday(10));
    const review = await q.qualityReview(c.plan.id, c.staff.id, [c.reviewer.id]);
    const { action } = await q.findingWithAction(review.id, c.providerOrg.id, c.staff.id);
    await testDb().qualityAction.update({ where: { id: action.id }, data: { dueOn: fromToday(-3) } });
    const draft = await q.plan(c.credential, c.providerOrg.id, "DRAFT");
    const elsewhere = await q.plan(c.credential, c.otherOrg.id, "APPROVED");
    await q.annualReturn(elsewhere.id, "OPEN", fromToday(-30));

    const items = await toDoList(c.provider);
    expect(items.map((t) => [t.task, t.urgency])).toEqual([
      ["Respond to the quality action", "OVERDUE"],
      ["Answer the query on the annual return", "DUE_SOON"],
      ["Submit the annual return", "LATER"],
      ["Complete and submit the delivery plan", "LATER"],
    ]);
    expect(items.map((t) => t.href)).toEqual([
      `/quality-reviews/${review.id}/actions/${action.id}`,
      `/quality-reviews/annual-returns/${soon.id}`,
      `/quality-reviews/annual-returns/${later.id}`,
      `/delivery-plans/${draft.id}`,
    ]);
    expect(items[0].name).toBe(c.plan.programmeTitle);
    expect(await toDoList(c.otherProvider)).toHaveLength(1);
  });

  it("shows a reviewer only the work they are assigned, and is cut to the most urgent few", async () => {
    const c = await q.qualityCast();
    for (let i = 0; i < TO_DO_SIZE + 2; i++) await q.qualityReview(c.plan.id, c.staff.id, [c.reviewer.id], "PLANNED");
    await q.qualityReview(c.plan.id, c.staff.id, [c.otherReviewer.id], "PLANNED");
    expect(await toDoList(c.reviewer)).toHaveLength(TO_DO_SIZE);
    expect((await toDoList(c.otherReviewer)).map((t) => t.task)).toEqual(["Carry out the quality review"]);
    expect(await toDoList(c.expert)).toEqual([]);
  });

  it("names staff's delivery work and links each task to its record, the overdue first and the dated before the undated", async () => {
    const c = await q.qualityCast();
    const submitted = await q.plan(c.credential, c.providerOrg.id, "SUBMITTED");
    const annual = await q.annualReturn(c.plan.id, "SUBMITTED");
    const impact = await q.impactReturn(c.plan, { period: "2025/26", enrolled: 4, completed: 1, withdrawn: 0, deployed: 1 }, "SUBMITTED");
    const review = await q.qualityReview(c.plan.id, c.staff.id, [c.reviewer.id], "REPORTED");
    const { action } = await q.findingWithAction(review.id, c.providerOrg.id, c.staff.id);
    const periodic = await testDb().periodicReview.create({ data: { credentialId: c.credential.id, dueAt: fromToday(60) } });

    expect((await toDoList(c.staff)).map(({ task, name, href, dueOn, urgency }) => ({ task, name, href, dueOn, urgency }))).toEqual([
      {
        task: "Follow up the overdue quality action",
        name: c.providerOrg.name,
        href: `/quality-reviews/${review.id}/actions/${action.id}`,
        dueOn: action.dueOn,
        urgency: "OVERDUE",
      },
      {
        task: "Carry out the periodic review",
        name: `${c.credential.reference} ${c.credential.title}`,
        href: `/periodic-reviews/${periodic.id}`,
        dueOn: periodic.dueAt,
        urgency: "LATER",
      },
      // Undated, by key: impact-, plan-, return-.
      {
        task: "Accept or query the impact return",
        name: `2025/26 impact return, ${c.plan.programmeTitle}`,
        href: `/impact/${impact.id}`,
        dueOn: null,
        urgency: "LATER",
      },
      {
        task: "Start the review of the delivery plan",
        name: submitted.programmeTitle,
        href: `/delivery-plans/${submitted.id}`,
        dueOn: null,
        urgency: "LATER",
      },
      {
        task: "Accept or query the annual return",
        name: `2026 annual return, ${c.plan.programmeTitle}`,
        href: `/quality-reviews/annual-returns/${annual.id}`,
        dueOn: null,
        urgency: "LATER",
      },
    ]);
  });

  it("counts today as due soon, yesterday as overdue and 15 days on as later", () => {
    const now = new Date("2026-12-02T15:00:00Z");
    expect(urgencyOf(new Date("2026-12-02"), now)).toBe("DUE_SOON");
    expect(urgencyOf(new Date("2026-12-01"), now)).toBe("OVERDUE");
    expect(urgencyOf(new Date("2026-12-16"), now)).toBe("DUE_SOON");
    expect(urgencyOf(new Date("2026-12-17"), now)).toBe("LATER");
    expect(urgencyOf(null, now)).toBe("LATER");
  });
});
