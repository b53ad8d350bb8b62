import { expect, expectAccessible, signInReusingSession, test, type Role } from "./fixtures";
import { demoRecordId } from "./support";

// For each area, one record of the demo data visited by people with no business with it. A role that has no part in
// the area is sent to its dashboard; someone who works in the area (another provider, a role that sees other records
// of the kind) gets the not-found page, exactly as for a record that does not exist: nothing says it is there. The
// data layer decides this (lib/data/scope.ts); these check it from the browser.

const OTHER_PROVIDER = "mark.ellison@southfield.example";
const notOtherProvider = (organisationColumn: string) =>
  `${organisationColumn} <> (SELECT "organisationId" FROM "User" WHERE email = '${OTHER_PROVIDER}')`;

type Visitor = Role | typeof OTHER_PROVIDER;
type Area = {
  area: string;
  path: (id: string) => string;
  record: string;
  /** Roles with no business in the area at all: sent to their dashboard. */
  sentAway?: Role;
  /** Someone who works in the area but has no business with this record: told it is not found. */
  notFound?: Visitor;
};

const AREAS: Area[] = [
  {
    area: "a draft priority",
    notFound: "PROVIDER",
    record: `SELECT id FROM "Priority" WHERE status = 'DRAFT'`,
    path: (id) => `/priorities/${id}`,
  },
  { area: "a commission", sentAway: "PROVIDER", record: `SELECT id FROM "Commission"`, path: (id) => `/commissions/${id}` },
  {
    area: "a credential in development",
    notFound: "PROVIDER",
    record: `SELECT id FROM "Credential" WHERE status = 'IN_DEVELOPMENT' AND id NOT IN (SELECT "credentialId" FROM "DeliveryPlan")`,
    path: (id) => `/credentials/${id}`,
  },
  {
    area: "an endorsement review",
    notFound: "PROVIDER",
    record: `SELECT c.id FROM "Credential" c JOIN "SpecificationVersion" v ON v."credentialId" = c.id
             JOIN "EndorsementReview" r ON r."specificationVersionId" = v.id WHERE c.status = 'IN_DEVELOPMENT'`,
    path: (id) => `/credentials/${id}/review`,
  },
  { area: "a panel meeting", sentAway: "EXPERT", record: `SELECT id FROM "PanelMeeting"`, path: (id) => `/panels/${id}` },
  { area: "a panel pack", sentAway: "REVIEWER", record: `SELECT id FROM "PanelMeeting"`, path: (id) => `/panels/${id}/pack` },
  {
    area: "an appeal against a decline",
    notFound: "PROVIDER",
    record: `SELECT c.id FROM "Credential" c JOIN "SpecificationVersion" v ON v."credentialId" = c.id WHERE v.status = 'DECLINED'`,
    path: (id) => `/credentials/${id}/review/appeal`,
  },
  { area: "a delivery plan", notFound: "EXPERT", record: `SELECT id FROM "DeliveryPlan"`, path: (id) => `/delivery-plans/${id}` },
  {
    area: "a monitoring report",
    notFound: OTHER_PROVIDER,
    record: `SELECT r.id FROM "MonitoringReport" r JOIN "EnhancedMonitoring" m ON m.id = r."monitoringId"
             JOIN "DeliveryPlan" p ON p.id = m."planId" WHERE ${notOtherProvider(`p."organisationId"`)}`,
    path: (id) => `/delivery-plans/monitoring-reports/${id}`,
  },
  { area: "the risk rules", sentAway: "PROVIDER", record: `SELECT id FROM "RiskRuleSet"`, path: () => "/delivery-plans/risk-rules" },
  {
    area: "an annual return",
    sentAway: "REVIEWER",
    notFound: OTHER_PROVIDER,
    record: `SELECT r.id FROM "AnnualReturn" r JOIN "DeliveryPlan" p ON p.id = r."planId" WHERE ${notOtherProvider(`p."organisationId"`)}`,
    path: (id) => `/quality-reviews/annual-returns/${id}`,
  },
  {
    area: "a quality review",
    sentAway: "EXPERT",
    notFound: OTHER_PROVIDER,
    record: `SELECT r.id FROM "QualityReview" r JOIN "DeliveryPlan" p ON p.id = r."planId" WHERE ${notOtherProvider(`p."organisationId"`)}`,
    path: (id) => `/quality-reviews/${id}`,
  },
  { area: "a periodic review", sentAway: "PROVIDER", record: `SELECT id FROM "PeriodicReview"`, path: (id) => `/periodic-reviews/${id}` },
  {
    area: "an impact return",
    sentAway: "EXPERT",
    notFound: OTHER_PROVIDER,
    record: `SELECT id FROM "ImpactReturn" WHERE ${notOtherProvider(`"organisationId"`)}`,
    path: (id) => `/impact/${id}`,
  },
  {
    area: "a completion",
    sentAway: "REVIEWER",
    notFound: OTHER_PROVIDER,
    record: `SELECT id FROM "Completion" WHERE ${notOtherProvider(`"organisationId"`)}`,
    path: (id) => `/completions/${id}`,
  },
];

for (const { area, path, record, sentAway, notFound } of AREAS) {
  const who = [
    sentAway && `${sentAway.toLowerCase()} is sent to their dashboard`,
    notFound && `${notFound === OTHER_PROVIDER ? "another provider" : notFound.toLowerCase()} gets the not-found page`,
  ];
  test(`${area}: ${who.filter(Boolean).join("; ")}`, async ({ page, signInAs }) => {
    const url = path(await demoRecordId(`${record} ORDER BY 1 LIMIT 1`));
    if (sentAway) {
      await signInAs(sentAway);
      await page.goto(url);
      await expect(page, url).toHaveURL(/\/dashboard$/);
    }
    if (notFound) {
      if (notFound === OTHER_PROVIDER) await signInReusingSession(page, OTHER_PROVIDER);
      else await signInAs(notFound);
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
      await expectAccessible(page);
    }
  });
}

test("someone who is not an admin is sent from the admin pages to their dashboard", async ({ page, signInAs }) => {
  await signInAs("PROVIDER");
  for (const url of [
    "/admin",
    "/admin/people",
    "/admin/organisations",
    "/admin/criteria",
    "/admin/emails",
    "/admin/framework",
    "/admin/professions",
    "/admin/appeal-windows",
    // Seeded by the migration bank_holidays, with this id.
    "/admin/appeal-windows/bank-holidays/bank-holiday-2026-12-25/remove",
  ]) {
    await page.goto(url);
    await expect(page, url).toHaveURL(/\/dashboard$/);
  }
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Education provider dashboard");
});
