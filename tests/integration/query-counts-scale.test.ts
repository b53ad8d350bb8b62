import pg from "pg";
import { describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { activity, activityQuery } from "@/lib/data/activity";
import { cataloguePage, catalogueCapabilities } from "@/lib/data/catalogue";
import { completionsToRecognise, listCompletions } from "@/lib/data/completions";
import { listCredentials } from "@/lib/data/credentials";
import { workItems } from "@/lib/data/dashboard";
import { listDeliveryPlans } from "@/lib/data/delivery-plans";
import { listEvaluations } from "@/lib/data/evaluations";
import { listImpactReturns } from "@/lib/data/impact";
import { impactByCredentialPage, impactFigures } from "@/lib/data/impact-figures";
import { reportingPlans } from "@/lib/data/impact-returns";
import { listNotifications } from "@/lib/data/notifications";
import { keysetOf } from "@/lib/data/paging";
import { directoryPage, directoryProfessions } from "@/lib/data/practitioners";
import { listAnnualReturns, listQualityActions, listQualityReviews } from "@/lib/data/quality-lists";
import { toDoList } from "@/lib/data/to-do";
import { encodeCursor } from "@/lib/data/keyset";
import { DEMO_USERS } from "@/prisma/demo-users";
import { seed } from "@/prisma/seed";
import { deepPages, lookUpPeople, type Deep } from "@/scripts/lib/bench-people";
import { seedScale } from "@/scripts/lib/seed-scale";
import { ownerDatabaseUrl, resetDb } from "../support/db";
import { countQueries, installCountingClient } from "../support/query-count";

// No N+1 at national scale: every list page and dashboard that `npm run bench:http` measures is read here through
// the same data-layer functions its page calls, first on the demo data alone (a few rows per list, as the demo
// people), then on a fresh database with the scale portfolio (scripts/lib/seed-scale.ts) at factor 0.02 (full pages,
// as the people bench:http signs in as), and each read must send as many SQL statements on both. A read that sent a
// query per row would send more on full pages. Factor 0.02 (hundreds to a few thousand rows per table) loads in
// seconds, so the test fits in a CI run; bench:http reports each page's statement count at its own factor (0.1 by
// default).

vi.mock("next/cache", () => ({ unstable_cache: <F>(fn: F) => fn, updateTag: vi.fn(), revalidatePath: vi.fn() }));

const ACTIVITY = "activity (staff)";

type Who = "staff" | "expert" | "provider" | "reviewer";
type People = Record<Who, SessionUser>;

/** Each bench:http list and dashboard case (by its name there, deep page numbers left out) and what its page reads. */
const reads = (u: People, deep: Deep): Record<string, () => Promise<unknown>> => ({
  "dashboard (staff)": () => Promise.all([toDoList(u.staff), workItems(u.staff)]),
  "dashboard (expert)": () => Promise.all([toDoList(u.expert), workItems(u.expert)]),
  "dashboard (provider)": () => Promise.all([toDoList(u.provider), workItems(u.provider)]),
  "dashboard (reviewer)": () => Promise.all([toDoList(u.reviewer), workItems(u.reviewer)]),
  "credentials, page 1": () => listCredentials(u.staff, {}),
  "credentials, endorsed, deep page": () => listCredentials(u.staff, { status: "ENDORSED", page: String(deep.credentials) }),
  "delivery plans, page 1 (provider)": () => listDeliveryPlans(u.provider, {}),
  "delivery plans, approved, deep page (staff)": () => listDeliveryPlans(u.staff, { status: "APPROVED", page: String(deep.plans) }),
  "completions, page 1 (provider)": () => Promise.all([listCompletions(u.provider, {}), completionsToRecognise(u.provider)]),
  "completions, recognised, deep page (staff)": () =>
    Promise.all([listCompletions(u.staff, { status: "RECOGNISED", page: String(deep.completions) }), completionsToRecognise(u.staff)]),
  "quality reviews (staff)": () =>
    Promise.all([listAnnualReturns(u.staff, {}), listQualityReviews(u.staff, {}), listQualityActions(u.staff, {}, new Date())]),
  "impact returns (provider)": () => Promise.all([listImpactReturns(u.provider, {}), reportingPlans(u.provider, undefined)]),
  [ACTIVITY]: () => activity(u.staff, activityQuery({})),
  "notifications (provider)": () => listNotifications(u.provider.id, keysetOf({})),
  "directory, page 1 (public)": () => Promise.all([directoryProfessions(), directoryPage({})]),
  "directory, deep page (public)": () => Promise.all([directoryProfessions(), directoryPage({ page: String(deep.directory) })]),
  "catalogue, page 1 (public)": () => Promise.all([cataloguePage({}), catalogueCapabilities()]),
  "catalogue, clinical practice by title, deep (public)": () =>
    Promise.all([
      cataloguePage({
        pillar: "CLINICAL_PRACTICE",
        sort: "title",
        after: encodeCursor({ key: deep.catalogue.title, id: deep.catalogue.id }),
      }),
      catalogueCapabilities(),
    ]),
  "catalogue search (public)": () => Promise.all([cataloguePage({ q: "critical care" }), catalogueCapabilities()]),
  "impact portfolio (staff)": () =>
    Promise.all([impactFigures(u.staff), impactByCredentialPage(u.staff, undefined), listEvaluations(u.staff, null)]),
});

async function sessionUser(client: pg.Client, email: string): Promise<SessionUser> {
  const { rows } = await client.query<SessionUser>(
    `SELECT u.id, u.email, u.name, u.role, u."isAdmin", u."organisationId", o.name AS "organisationName"
     FROM "User" u LEFT JOIN "Organisation" o ON o.id = u."organisationId" WHERE u.email = $1`,
    [email],
  );
  return rows[0];
}

/**
 * A fresh database with the demo data and, given a factor, the scale portfolio; each read's statement count on it.
 * Without a factor the demo people read their few rows.
 */
async function countsAt(factor: number | null): Promise<Record<string, number>> {
  await resetDb({ keep: ["Profession", "BankHoliday"] });
  await seed(ownerDatabaseUrl());
  if (factor !== null) await seedScale(ownerDatabaseUrl(), factor, () => {});
  const client = new pg.Client({ connectionString: ownerDatabaseUrl() });
  await client.connect();
  let people: People;
  let deep: Deep;
  try {
    const ids =
      factor === null
        ? {
            staffEmail: DEMO_USERS.CENTRE_STAFF.email,
            expertEmail: DEMO_USERS.EXPERT.email,
            providerEmail: DEMO_USERS.PROVIDER.email,
            reviewerEmail: DEMO_USERS.REVIEWER.email,
          }
        : await lookUpPeople(client);
    deep = await deepPages(client);
    people = {
      staff: await sessionUser(client, ids.staffEmail),
      expert: await sessionUser(client, ids.expertEmail),
      provider: await sessionUser(client, ids.providerEmail),
      reviewer: await sessionUser(client, ids.reviewerEmail),
    };
  } finally {
    await client.end();
  }
  const counts: Record<string, number> = {};
  for (const [name, read] of Object.entries(reads(people, deep))) counts[name] = await countQueries(read);
  return counts;
}

describe("query counts at national scale", () => {
  it("every list page and dashboard bench:http measures sends as many SQL statements at factor 0.02 as on the demo data", async () => {
    installCountingClient();
    const small = await countsAt(null);
    const large = await countsAt(0.02);
    expect(large).toEqual(small);
    for (const count of Object.values(small)) expect(count).toBeGreaterThan(0);
    // The activity page names every kind of record on it in one statement, whatever the mix of kinds: the events,
    // their actors' names, the records.
    expect(small[ACTIVITY]).toBe(3);
  }, 240_000);
});
