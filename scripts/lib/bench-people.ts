// Who the benchmarks sign in as and which deep pages they ask for, looked up in a database that has the demo data
// and the scale portfolio (scripts/lib/seed-scale.ts). Shared by bench:http and the query-count test, so both
// measure the same people and pages.
import type pg from "pg";
import { DEMO_USERS } from "../../prisma/demo-users";
import { LIST_PAGE_SIZE, MAX_PAGE } from "../../lib/data/paging";

/** Who signs in for each role: a provider of an approved delivery, an expert group's member, a quality reviewer. */
export type People = {
  providerOrg: string;
  providerEmail: string;
  providerUserId: string;
  expertOrg: string;
  expertEmail: string;
  reviewerId: string;
  reviewerEmail: string;
  staffId: string;
  staffEmail: string;
  plan: string;
};

/** The ids the record pages ask for, with the people. */
export type Ids = People & {
  credential: string;
  version: number;
  review: string;
  completion: string;
  impact: string;
  reference: string;
};

function firstRow(client: pg.Client) {
  return async (sql: string) => {
    const row = (await client.query(sql)).rows[0];
    if (!row) throw new Error(`The scale data has no row for the benchmark (a larger --factor may): ${sql}`);
    return row;
  };
}

export async function lookUpPeople(client: pg.Client): Promise<People> {
  const one = firstRow(client);
  const plan = await one(
    `SELECT id, "organisationId" FROM "DeliveryPlan" WHERE id LIKE 'sc-%' AND status = 'APPROVED' ORDER BY id LIMIT 1`,
  );
  const provider = await one(`SELECT id, email FROM "User" WHERE "organisationId" = '${plan.organisationId}' ORDER BY email LIMIT 1`);
  const expert = await one(`SELECT u.id, u.email, u."organisationId" FROM "User" u WHERE u.id LIKE 'sc-org-e-%' ORDER BY u.id LIMIT 1`);
  const reviewer = await one(
    `SELECT u.id, u.email FROM "User" u JOIN "QualityReviewer" q ON q."reviewerId" = u.id GROUP BY u.id ORDER BY u.id LIMIT 1`,
  );
  const staff = await one(`SELECT id, email FROM "User" WHERE email = '${DEMO_USERS.CENTRE_STAFF.email}'`);
  return {
    providerOrg: plan.organisationId,
    providerEmail: provider.email,
    providerUserId: provider.id,
    expertOrg: expert.organisationId,
    expertEmail: expert.email,
    reviewerId: reviewer.id,
    reviewerEmail: reviewer.email,
    staffId: staff.id,
    staffEmail: staff.email,
    plan: plan.id,
  };
}

export async function lookUp(client: pg.Client): Promise<Ids> {
  const one = firstRow(client);
  const credential = await one(
    `SELECT c.id, c.reference, v.number FROM "Credential" c JOIN "SpecificationVersion" v ON v.id = c."endorsedVersionId" WHERE c.id LIKE 'sc-%' AND c.status = 'ENDORSED' ORDER BY c.id LIMIT 1`,
  );
  const review = await one(`SELECT id FROM "QualityReview" WHERE id LIKE 'sc-%' AND status = 'CLOSED' ORDER BY id LIMIT 1`);
  const completion = await one(`SELECT id FROM "Completion" WHERE id LIKE 'sc-%' AND status = 'RECOGNISED' ORDER BY id LIMIT 1`);
  const impact = await one(`SELECT id FROM "ImpactReturn" WHERE id LIKE 'sc-%' AND status = 'ACCEPTED' ORDER BY id LIMIT 1`);
  return {
    ...(await lookUpPeople(client)),
    credential: credential.id,
    reference: credential.reference,
    version: credential.number,
    review: review.id,
    completion: completion.id,
    impact: impact.id,
  };
}

export type Deep = { credentials: number; plans: number; completions: number; directory: number; catalogue: { title: string; id: string } };

/**
 * Page numbers about four fifths of the way through each list as its filter leaves it (at most MAX_PAGE, the furthest
 * a list pages), and a catalogue cursor as far in.
 */
export async function deepPages(client: pg.Client): Promise<Deep> {
  const pages = async (sql: string) =>
    Math.min(MAX_PAGE, Math.max(1, Math.floor(((await client.query(sql)).rows[0].n / LIST_PAGE_SIZE) * 0.8)));
  return {
    credentials: await pages(`SELECT count(*)::int n FROM "Credential" WHERE status = 'ENDORSED'`),
    plans: await pages(`SELECT count(*)::int n FROM "DeliveryPlan" WHERE status = 'APPROVED'`),
    completions: await pages(`SELECT count(*)::int n FROM "Completion" WHERE status = 'RECOGNISED'`),
    directory: await pages(
      `SELECT count(*)::int n FROM "Practitioner" p WHERE "listedInDirectory"
        AND EXISTS (SELECT 1 FROM "Completion" c WHERE c."practitionerId" = p.id AND c.status = 'RECOGNISED')`,
    ),
    catalogue: (
      await client.query<{ title: string; id: string }>(
        `SELECT title, id FROM "Credential" WHERE status IN ('ENDORSED','UNDER_PERIODIC_REVIEW','REVISION_REQUIRED') AND "publishedAt" IS NOT NULL ORDER BY title, id
         OFFSET (SELECT count(*) * 4 / 5 FROM "Credential" WHERE status IN ('ENDORSED','UNDER_PERIODIC_REVIEW','REVISION_REQUIRED') AND "publishedAt" IS NOT NULL) LIMIT 1`,
      )
    ).rows[0],
  };
}
