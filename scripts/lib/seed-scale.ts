// A national-scale portfolio on top of the demo data, generated in SQL (INSERT … SELECT generate_series) so that
// factor 1 loads in minutes. Every row is in a state its workflow machine (lib/workflow) can reach, its dates are
// in order and its foreign keys hold; ids start with `sc-`, references with `SC-`. Used by `npm run seed:scale`
// and by both benchmarks.
import { performance } from "node:perf_hooks";
import pg from "pg";

/** Rows at factor 1; every count scales linearly with the factor. */
export const FACTOR_1 = {
  providers: 150,
  expertGroups: 50,
  people: 2_000,
  rounds: 50,
  priorities: 500,
  credentials: 5_000,
  specificationVersions: 15_000,
  deliveryPlans: 50_000,
  annualReturns: 50_000,
  qualityReviews: 20_000,
  findings: 115_000,
  impactReturns: 100_000,
  completions: 100_000,
  notificationsPerPerson: 50,
} as const;

/**
 * The largest factor: every recognised completion takes a place on the one badge status list
 * (lib/badges/status-list.ts, 131,072 places), and factor 1 fills 100,000 of them.
 */
export const MAX_FACTOR = 1.25;
export const MIN_FACTOR = 0.001;

/** A factor from the command line: a decimal such as 0.1 or 1, within bounds. */
export function parseFactor(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+(\.\d+)?$/.test(text.trim())) throw new Error(`--factor must be a decimal number such as 0.1 or 1 (got "${text}")`);
  const factor = Number(text);
  if (!(factor >= MIN_FACTOR && factor <= MAX_FACTOR))
    throw new Error(`--factor must be from ${MIN_FACTOR} to ${MAX_FACTOR} (got ${text})`);
  return factor;
}

export type Volumes = { -readonly [K in keyof typeof FACTOR_1]: number };

export function volumes(factor: number): Volumes {
  const v = {} as Volumes;
  for (const [k, n] of Object.entries(FACTOR_1)) v[k as keyof Volumes] = Math.max(1, Math.round(n * factor));
  v.notificationsPerPerson = FACTOR_1.notificationsPerPerson;
  // At least three credentials, so that some are deliverable at the smallest factor.
  v.credentials = Math.max(v.credentials, 4);
  return v;
}

// People per organisation and the mix of roles at factor 1: 100 staff, 300 experts (6 per expert group), 1,200
// provider staff (8 per provider), 400 independent reviewers.
const PER_PROVIDER = 8;
const PER_EXPERT_GROUP = 6;

const FIRST = [
  "Amara",
  "Ben",
  "Chloe",
  "Deepak",
  "Ella",
  "Farah",
  "George",
  "Hannah",
  "Imran",
  "Jade",
  "Kofi",
  "Laura",
  "Mohammed",
  "Niamh",
  "Owen",
  "Priya",
  "Rhys",
  "Sofia",
  "Tariq",
  "Zoe",
];
const LAST = [
  "Adeyemi",
  "Brown",
  "Chen",
  "Davies",
  "Evans",
  "Fraser",
  "Ghosh",
  "Hughes",
  "Iqbal",
  "Jones",
  "Khan",
  "Lewis",
  "Murphy",
  "Nowak",
  "Okoro",
  "Patel",
  "Quinn",
  "Roberts",
  "Singh",
  "Taylor",
  "Walsh",
  "Young",
];
const AREAS = [
  "acute medicine",
  "emergency care",
  "critical care",
  "frailty",
  "mental health",
  "primary care",
  "paediatrics",
  "cancer care",
  "cardiology",
  "respiratory care",
  "diabetes",
  "stroke",
  "musculoskeletal care",
  "palliative care",
  "learning disability",
  "neonatal care",
  "urgent care",
  "rehabilitation",
  "surgery",
  "radiography",
];
const sqlArray = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(",")}]`;
const NAME = (g: string) =>
  `(${sqlArray(FIRST)})[1 + ${g} % ${FIRST.length}] || ' ' || (${sqlArray(LAST)})[1 + (${g} / ${FIRST.length}) % ${LAST.length}]`;
const AREA = (g: string) => `(${sqlArray(AREAS)})[1 + ${g} % ${AREAS.length}]`;

type Step = { table: string; sql: string; params?: number[] };

function steps(v: Volumes): Step[] {
  const staffCount = Math.max(1, Math.round(100 * (v.people / FACTOR_1.people)));
  const reviewerCount = Math.max(2, Math.round(400 * (v.people / FACTOR_1.people)));
  const perRound = Math.max(1, Math.round(v.priorities / v.rounds));
  return [
    {
      table: "Organisation",
      sql: `INSERT INTO "Organisation" (id, name, kind, "createdAt", "updatedAt")
        SELECT 'sc-org-p-' || g, 'University of ' || (${sqlArray(["Northfield", "Southmoor", "Eastbrook", "Westhaven", "Midvale"])})[1 + g % 5] || ' campus ' || g, 'EDUCATION_PROVIDER'::"OrganisationKind", now() - interval '2500 days', now()
        FROM generate_series(1, $1) g
        UNION ALL
        SELECT 'sc-org-e-' || g, initcap(${AREA("g")}) || ' expert group ' || g, 'EXPERT_GROUP'::"OrganisationKind", now() - interval '2500 days', now()
        FROM generate_series(1, $2) g`,
      params: [v.providers, v.expertGroups],
    },
    {
      table: "User",
      // The demo's password hash, so that any generated person can sign in with the demo password.
      sql: `WITH hash AS (SELECT "passwordHash" AS h FROM "User" WHERE email = 'staff@centre.example'),
        people AS (
          SELECT 'sc-staff-' || g AS id, 'CENTRE_STAFF'::"Role" AS role, NULL AS org, g FROM generate_series(1, $1) g
          UNION ALL SELECT 'sc-rev-' || g, 'REVIEWER', NULL, 100000 + g FROM generate_series(1, $2) g
          UNION ALL SELECT 'sc-org-p-' || o || '-u' || k, 'PROVIDER', 'sc-org-p-' || o, 200000 + o * 10 + k FROM generate_series(1, $3) o, generate_series(1, ${PER_PROVIDER}) k
          UNION ALL SELECT 'sc-org-e-' || o || '-u' || k, 'EXPERT', 'sc-org-e-' || o, 300000 + o * 10 + k FROM generate_series(1, $4) o, generate_series(1, ${PER_EXPERT_GROUP}) k)
        INSERT INTO "User" (id, email, name, "passwordHash", role, "organisationId", expertise, "clinicalProfessions", "lastSignInAt", "createdAt", "updatedAt")
        SELECT p.id, replace(p.id, 'sc-', '') || '@scale.example', ${NAME("p.g")}, (SELECT h FROM hash), p.role, p.org,
               (CASE WHEN p.role <> 'REVIEWER' THEN '{}' WHEN p.g % 3 = 0 THEN '{ACADEMIC,CLINICAL}' WHEN p.g % 3 = 1 THEN '{CLINICAL,SERVICE_USER_OR_LAY}' ELSE '{ACADEMIC,SERVICE_USER_OR_LAY}' END)::"ReviewerExpertise"[],
               CASE WHEN p.role = 'REVIEWER' THEN ARRAY['Nursing'] ELSE '{}' END,
               now() - (p.g % 60) * interval '1 day', now() - interval '2400 days', now()
        FROM people p`,
      params: [staffCount, reviewerCount, v.providers, v.expertGroups],
    },
    {
      table: "PriorityRound",
      sql: `INSERT INTO "PriorityRound" (id, name, status, "opensOn", "closesOn", "createdAt", "updatedAt")
        SELECT 'sc-round-' || g, 'Scale round ' || g, 'CLOSED', (now() - interval '2700 days' + g * interval '12 days')::date,
               (now() - interval '2700 days' + g * interval '12 days' + interval '60 days')::date, now() - interval '2700 days' + g * interval '12 days' - interval '14 days', now()
        FROM generate_series(1, $1) g`,
      params: [v.rounds],
    },
    {
      table: "Priority",
      sql: `INSERT INTO "Priority" (id, "roundId", title, "workforceNeed", "populationNeed", "longTermPlanLink", professions, "estimatedScale", rank, status, "gatewayOutcome", "createdAt", "updatedAt")
        SELECT 'sc-pri-' || g, 'sc-round-' || (1 + ((g - 1) / ${perRound}) % $2),
               'Advanced practice in ' || ${AREA("g")} || ' (' || g || ')', 'Too few advanced practitioners in ' || ${AREA("g")} || ' for the demand.',
               'Patients wait too long for assessment.', 'Long Term Plan, chapter 3.', ARRAY['Nursing','Physiotherapy','Paramedicine'],
               50 + g % 400, 1 + (g - 1) % ${perRound}, 'PUBLISHED', 'PASSED',
               now() - interval '2700 days' + (1 + ((g - 1) / ${perRound}) % $2) * interval '12 days', now()
        FROM generate_series(1, $1) g`,
      params: [v.priorities, v.rounds],
    },
    {
      // One row per credential with its shape: status by g mod 20 (60% endorsed, 10% under periodic review, 5%
      // withdrawn, 25% in development), versions (one in development, else three or four), and its first date.
      table: "Credential",
      sql: `CREATE TEMP TABLE sc_cred ON COMMIT DROP AS
        SELECT g, 'sc-cred-' || g AS id,
               CASE WHEN g % 20 < 12 THEN 'ENDORSED' WHEN g % 20 < 14 THEN 'UNDER_PERIODIC_REVIEW' WHEN g % 20 = 19 THEN 'WITHDRAWN' ELSE 'IN_DEVELOPMENT' END AS status,
               CASE WHEN g % 20 BETWEEN 14 AND 18 THEN 1 WHEN g % 3 = 0 THEN 3 ELSE 4 END AS nv,
               now() - interval '2400 days' + (g % 900) * interval '1 day' AS t0
        FROM generate_series(1, $1) g;
        INSERT INTO "Credential" (id, reference, title, summary, "ownerOrganisationId", origin, status, "priorityId", "createdAt", "updatedAt")
        SELECT id, 'SC-' || lpad(g::text, 6, '0'), initcap(${AREA("g")}) || ' advanced practice credential ' || g,
               'Area-specific capabilities for advanced practitioners in ' || ${AREA("g")} || '.',
               'sc-org-e-' || (1 + g % $2), 'COMMISSIONED', status::"CredentialStatus", 'sc-pri-' || (1 + g % $3), t0, now()
        FROM sc_cred`,
      params: [v.credentials, v.expertGroups, v.priorities],
    },
    {
      // The latest version of an endorsed credential is ENDORSED and the earlier ones SUPERSEDED; a credential in
      // development has one draft or submitted version. Versions are 200 days apart, decided 90 days after each.
      table: "SpecificationVersion",
      sql: `INSERT INTO "SpecificationVersion" (id, "credentialId", number, status, "basedOnId", "purposeAndScope", "targetGroup", "entryRequirements",
               "assessmentStrategy", credits, "notionalHours", "deliveryModes", "supervisionRequirements", "evidenceBase", "changeSummary",
               "completedSections", "createdById", "submittedAt", "decidedAt", "createdAt", "updatedAt")
        SELECT c.id || '-v' || n, c.id, n,
               (CASE WHEN c.status = 'IN_DEVELOPMENT' THEN (CASE WHEN c.g % 2 = 0 THEN 'DRAFT' ELSE 'SUBMITTED' END)
                     WHEN n = c.nv THEN 'ENDORSED' ELSE 'SUPERSEDED' END)::"SpecificationStatus",
               CASE WHEN n > 1 THEN c.id || '-v' || (n - 1) END,
               'Prepares practitioners for advanced practice in ' || ${AREA("c.g")} || '.', 'Registered practitioners working in ' || ${AREA("c.g")} || '.',
               'Current registration and three years of post-registration experience.', 'Portfolio, observed structured clinical examination and viva.',
               60, 600, ARRAY['Blended'], 'A named supervisor who is an experienced advanced practitioner.', 'NHS England workforce data.',
               CASE WHEN n > 1 THEN 'Revised after periodic review.' ELSE '' END, '{}',
               'sc-org-e-' || (1 + c.g % $1) || '-u1',
               CASE WHEN c.status <> 'IN_DEVELOPMENT' OR c.g % 2 = 1 THEN c.t0 + (n - 1) * interval '200 days' + interval '30 days' END,
               CASE WHEN c.status <> 'IN_DEVELOPMENT' THEN c.t0 + (n - 1) * interval '200 days' + interval '90 days' END,
               c.t0 + (n - 1) * interval '200 days', now()
        FROM sc_cred c, generate_series(1, c.nv) n`,
      params: [v.expertGroups],
    },
    {
      table: "Credential (endorsed version, dates)",
      sql: `UPDATE "Credential" cr SET "endorsedVersionId" = c.id || '-v' || c.nv,
               "endorsedAt" = c.t0 + (c.nv - 1) * interval '200 days' + interval '90 days',
               "publishedAt" = c.t0 + (c.nv - 1) * interval '200 days' + interval '97 days',
               -- Mostly ahead; a few overdue, as the periodic review scheduler would find them.
               "reviewDueAt" = now() + ((c.g % 1000) - 30) * interval '1 day',
               "withdrawnAt" = CASE WHEN c.status = 'WITHDRAWN' THEN c.t0 + (c.nv - 1) * interval '200 days' + interval '400 days' END
        FROM sc_cred c WHERE cr.id = c.id AND c.status <> 'IN_DEVELOPMENT'`,
    },
    {
      table: "LearningOutcome",
      sql: `INSERT INTO "LearningOutcome" (id, "specificationVersionId", position, text, pillars)
        SELECT v.id || '-lo' || p, v.id, p,
               (ARRAY['Assesses', 'Manages', 'Leads', 'Teaches', 'Evaluates', 'Researches'])[p] || ' complex presentations in their area of practice (outcome ' || p || ').',
               ARRAY[(ARRAY['CLINICAL_PRACTICE','CLINICAL_PRACTICE','LEADERSHIP_AND_MANAGEMENT','EDUCATION','RESEARCH','CLINICAL_PRACTICE'])[p]]::"Pillar"[]
        FROM "SpecificationVersion" v, generate_series(1, 6) p WHERE v.id LIKE 'sc-%'`,
    },
    {
      table: "OutcomeCapability",
      sql: `WITH cap AS (SELECT id, row_number() OVER (ORDER BY position) AS i, count(*) OVER () AS k FROM "CoreCapability" WHERE "editionId" = 'mpf-2017')
        INSERT INTO "OutcomeCapability" ("learningOutcomeId", "coreCapabilityId")
        SELECT DISTINCT o.id, cap.id FROM "LearningOutcome" o, generate_series(0, 1) j, cap
        WHERE o.id LIKE 'sc-%' AND cap.i = 1 + (o.position * 3 + j * 7) % cap.k`,
    },
    {
      // Plans on endorsed (published) credentials, across the providers. Status by g mod 50: half approved, 10%
      // approved with conditions, the rest spread over the other states. Created after the endorsement,
      // submitted 20 days later, decided 20 days after that.
      table: "DeliveryPlan",
      sql: `CREATE TEMP TABLE sc_deliv ON COMMIT DROP AS
        SELECT row_number() OVER (ORDER BY cr.id) - 1 AS i, cr.id AS credential_id, cr."endorsedVersionId" AS version_id, cr."endorsedAt" AS endorsed_at
        FROM "Credential" cr WHERE cr.id LIKE 'sc-%' AND cr.status IN ('ENDORSED', 'UNDER_PERIODIC_REVIEW');
        CREATE TEMP TABLE sc_plan ON COMMIT DROP AS
        SELECT g, 'sc-plan-' || g AS id, d.credential_id, d.version_id, 'sc-org-p-' || (1 + g % $2) AS org,
               (CASE WHEN g % 50 < 25 THEN 'APPROVED' WHEN g % 50 < 30 THEN 'APPROVED_WITH_CONDITIONS' WHEN g % 50 < 35 THEN 'DRAFT'
                     WHEN g % 50 < 39 THEN 'SUBMITTED' WHEN g % 50 < 42 THEN 'IN_REVIEW' WHEN g % 50 < 44 THEN 'CHANGES_REQUESTED'
                     WHEN g % 50 < 46 THEN 'SUSPENDED' WHEN g % 50 < 48 THEN 'CLOSED' ELSE 'REJECTED' END) AS status,
               d.endorsed_at + (14 + g % 150) * interval '1 day' AS created_at
        FROM generate_series(1, $1) g JOIN sc_deliv d ON d.i = g % (SELECT count(*) FROM sc_deliv);
        INSERT INTO "DeliveryPlan" (id, "credentialId", "specificationVersionId", "organisationId", "programmeTitle", award, "deliveryMode", "startsOn",
               "cohortSize", "staffingAndSupervision", "qualityAssurance", status, conditions, "decisionRationale", "flaggedAt", "flagReason",
               "suspendedReason", "closedReason", "submittedAt", "decidedAt", "createdAt", "updatedAt")
        SELECT id, credential_id, version_id, org, 'MSc Advanced Practice (' || ${AREA("g")} || ') cohort ' || g, 'MSc', 'Blended',
               (created_at + interval '70 days')::date, 10 + g % 30, 'Each learner has a named supervisor and protected time.', 'Annual programme review and external examiner.',
               status::"DeliveryPlanStatus",
               CASE WHEN status = 'APPROVED_WITH_CONDITIONS' THEN 'Confirm the supervision agreements for the first cohort.' END,
               CASE WHEN status IN ('APPROVED', 'APPROVED_WITH_CONDITIONS', 'SUSPENDED', 'CLOSED') THEN 'Meets the standards.' WHEN status = 'REJECTED' THEN 'Assessment does not cover every outcome.' END,
               CASE WHEN status = 'SUSPENDED' THEN created_at + interval '300 days' END, CASE WHEN status = 'SUSPENDED' THEN 'Quality review found inadequate supervision.' END,
               CASE WHEN status = 'SUSPENDED' THEN 'Supervision does not meet the standard.' END,
               CASE WHEN status = 'CLOSED' THEN 'The programme has ended.' END,
               CASE WHEN status <> 'DRAFT' THEN created_at + interval '20 days' END,
               CASE WHEN status IN ('APPROVED', 'APPROVED_WITH_CONDITIONS', 'SUSPENDED', 'CLOSED', 'REJECTED', 'CHANGES_REQUESTED') THEN created_at + interval '40 days' END,
               created_at, created_at + interval '40 days'
        FROM sc_plan`,
      params: [v.deliveryPlans, v.providers],
    },
    {
      // Every outcome mapped to a module and an assessment once the plan has been submitted.
      table: "OutcomeMapping",
      sql: `INSERT INTO "OutcomeMapping" (id, "planId", "learningOutcomeId", module, assessment)
        SELECT p.id || '-m' || p2, p.id, p.version_id || '-lo' || p2, 'Module ' || p2, 'Portfolio and viva'
        FROM sc_plan p, generate_series(1, 6) p2 WHERE p.status <> 'DRAFT'`,
    },
    {
      // The current year's return on each delivering or finished plan, then earlier years, accepted.
      table: "AnnualReturn",
      sql: `CREATE TEMP TABLE sc_reporting ON COMMIT DROP AS
        SELECT row_number() OVER (ORDER BY g) - 1 AS i, g AS plan_g, id, org, credential_id, status, created_at + interval '40 days' AS decided_at
        FROM sc_plan WHERE status IN ('APPROVED', 'APPROVED_WITH_CONDITIONS', 'SUSPENDED', 'CLOSED');
        WITH r AS (SELECT g, p.id AS plan_id, p.decided_at, (g - 1) / (SELECT count(*) FROM sc_reporting) AS k,
                          (extract(year FROM now())::int - (g - 1) / (SELECT count(*) FROM sc_reporting))::int AS year
                   FROM generate_series(1, $1) g JOIN sc_reporting p ON p.i = (g - 1) % (SELECT count(*) FROM sc_reporting)),
             s AS (SELECT r.*, CASE WHEN k > 0 THEN 'ACCEPTED' ELSE (ARRAY['OPEN','SUBMITTED','QUERIED','ACCEPTED'])[1 + g % 4] END AS status,
                          least(greatest(decided_at, make_date(year, 1, 1)) + interval '1 day', now() - interval '10 days') AS created_at FROM r)
        INSERT INTO "AnnualReturn" (id, "planId", year, "dueOn", status, cohorts, "changesToDelivery", staffing, concerns, "queryReason", "submittedAt", "createdAt", "updatedAt")
        SELECT 'sc-ar-' || g, plan_id, year, make_date(year, 12, 31), status::"AnnualReturnStatus",
               CASE WHEN status <> 'OPEN' THEN 'One cohort of ' || (10 + g % 20) || ' learners.' ELSE '' END,
               CASE WHEN status <> 'OPEN' THEN 'None.' ELSE '' END, CASE WHEN status <> 'OPEN' THEN 'Stable.' ELSE '' END, '',
               CASE WHEN status = 'QUERIED' THEN 'Give the number of learners who withdrew.' END,
               CASE WHEN status <> 'OPEN' THEN least(created_at + interval '20 days', now() - interval '2 days') END,
               created_at, now() - interval '1 day'
        FROM s`,
      params: [v.annualReturns],
    },
    {
      // On plans that are delivering. Status by g mod 20: 15% planned, 15% in progress, 30% reported, 40% closed.
      table: "QualityReview",
      sql: `CREATE TEMP TABLE sc_active ON COMMIT DROP AS
        SELECT row_number() OVER (ORDER BY plan_g) - 1 AS i, id, org, decided_at FROM sc_reporting WHERE status IN ('APPROVED', 'APPROVED_WITH_CONDITIONS');
        INSERT INTO "QualityReview" (id, "planId", "scheduledOn", status, outcome, summary, "createdById", "reportedAt", "closedAt", "createdAt", "updatedAt")
        SELECT 'sc-qr-' || g, a.id,
               (CASE WHEN g % 20 < 3 THEN now() + (g % 90) * interval '1 day' ELSE a.decided_at + interval '150 days' END)::date,
               (CASE WHEN g % 20 < 3 THEN 'PLANNED' WHEN g % 20 < 6 THEN 'IN_PROGRESS' WHEN g % 20 < 12 THEN 'REPORTED' ELSE 'CLOSED' END)::"QualityReviewStatus",
               (CASE WHEN g % 20 >= 6 THEN (ARRAY['MEETS_STANDARDS','MEETS_STANDARDS','REQUIRES_IMPROVEMENT'])[1 + g % 3] END)::"QualityOutcome",
               CASE WHEN g % 20 >= 6 THEN 'The programme is well led; supervision needs attention.' END,
               'sc-staff-' || (1 + g % $2),
               CASE WHEN g % 20 >= 6 THEN a.decided_at + interval '170 days' END,
               CASE WHEN g % 20 >= 12 THEN a.decided_at + interval '200 days' END,
               a.decided_at + interval '100 days', now() - interval '1 day'
        FROM generate_series(1, $1) g JOIN sc_active a ON a.i = (g - 1) % (SELECT count(*) FROM sc_active)`,
      params: [v.qualityReviews, staffCount],
    },
    {
      table: "QualityReviewer",
      sql: `INSERT INTO "QualityReviewer" ("qualityReviewId", "reviewerId")
        SELECT q.id, 'sc-rev-' || (1 + (substr(q.id, 7)::int + j) % $1) FROM "QualityReview" q, generate_series(0, 1) j WHERE q.id LIKE 'sc-qr-%'`,
      params: [reviewerCount],
    },
    {
      table: "Finding",
      sql: `CREATE TEMP TABLE sc_started ON COMMIT DROP AS
        SELECT row_number() OVER (ORDER BY q.id) - 1 AS i, q.id, q.status, q."scheduledOn", p."organisationId" AS org
        FROM "QualityReview" q JOIN "DeliveryPlan" p ON p.id = q."planId" WHERE q.id LIKE 'sc-qr-%' AND q.status <> 'PLANNED';
        INSERT INTO "Finding" (id, "qualityReviewId", area, rating, evidence, "createdById", "createdAt")
        SELECT 'sc-fi-' || g, s.id, (ARRAY['CURRICULUM_AND_ASSESSMENT','SUPERVISION','LEARNING_ENVIRONMENT','LEARNER_SUPPORT','GOVERNANCE'])[1 + g % 5]::"StandardArea",
               (ARRAY['GOOD','SATISFACTORY','REQUIRES_IMPROVEMENT','INADEQUATE'])[1 + g % 4]::"FindingRating",
               'Observed in the review visit and the learners'' portfolios.', 'sc-staff-1', s."scheduledOn" + interval '1 day'
        FROM generate_series(1, $1) g JOIN sc_started s ON s.i = (g - 1) % (SELECT count(*) FROM sc_started)`,
      params: [v.findings],
    },
    {
      // An action for each finding rated below good: closed with a closed review, otherwise open or responded.
      table: "QualityAction",
      sql: `INSERT INTO "QualityAction" (id, "findingId", "qualityReviewId", "organisationId", description, "dueOn", status, response, "respondedAt", "closedAt", "createdAt", "updatedAt")
        SELECT 'sc-qa-' || substr(f.id, 7), f.id, s.id, s.org, 'Address the finding on ' || lower(replace(f.area::text, '_', ' ')) || '.',
               (f."createdAt" + interval '60 days')::date, st::"QualityActionStatus",
               CASE WHEN st <> 'OPEN' THEN 'Supervisors now meet learners fortnightly.' END,
               CASE WHEN st <> 'OPEN' THEN f."createdAt" + interval '30 days' END,
               CASE WHEN st = 'CLOSED' THEN f."createdAt" + interval '45 days' END,
               f."createdAt", now() - interval '1 day'
        FROM "Finding" f JOIN sc_started s ON s.id = f."qualityReviewId",
             LATERAL (SELECT CASE WHEN s.status = 'CLOSED' THEN 'CLOSED' WHEN s.status = 'IN_PROGRESS' THEN 'OPEN'
                                  ELSE (ARRAY['OPEN','RESPONDED','CLOSED'])[1 + length(f.id) % 3] END AS st) x
        WHERE f.id LIKE 'sc-fi-%' AND f.rating <> 'GOOD'`,
    },
    {
      // Academic years back from the current one, on plans approved at some time; each figure split across five
      // professions (enrolled ≥ completed ≥ deployed; withdrawn within what did not complete).
      table: "ImpactReturn",
      sql: `CREATE TEMP TABLE sc_prof ON COMMIT DROP AS
        SELECT id, name, row_number() OVER (ORDER BY name) AS p FROM "Profession" WHERE "retiredAt" IS NULL ORDER BY name LIMIT 5;
        INSERT INTO "ImpactReturn" (id, "planId", "organisationId", "credentialId", "credentialReference", period, enrolled, completed, withdrawn, deployed, "employerFeedback",
               "patientBenefit", status, "queryReason", "submittedAt", "acceptedAt", "createdAt", "updatedAt")
        SELECT 'sc-ir-' || g, r.id, r.org, r.credential_id, (SELECT reference FROM "Credential" WHERE id = r.credential_id),
               y || '/' || lpad(((y + 1) % 100)::text, 2, '0'),
               sums.e, sums.c, g % 4, sums.d, 'Employers report shorter waits.', 'Patients are seen sooner.',
               st::"ImpactReturnStatus", CASE WHEN st = 'QUERIED' THEN 'Check the deployed figure.' END,
               CASE WHEN st <> 'DRAFT' THEN created + interval '10 days' END, CASE WHEN st = 'ACCEPTED' THEN created + interval '20 days' END,
               created, now() - interval '1 day'
        FROM generate_series(1, $1) g
        JOIN sc_reporting r ON r.i = (g - 1) % (SELECT count(*) FROM sc_reporting),
        LATERAL (SELECT (extract(year FROM now())::int - 1 - (g - 1) / (SELECT count(*) FROM sc_reporting))::int AS y,
                        CASE WHEN (g - 1) / (SELECT count(*) FROM sc_reporting) > 0 THEN 'ACCEPTED' ELSE (ARRAY['DRAFT','SUBMITTED','QUERIED','ACCEPTED','ACCEPTED'])[1 + g % 5] END AS st) yy,
        LATERAL (SELECT least(greatest(r.decided_at, make_timestamp(yy.y + 1, 8, 1, 0, 0, 0)), now() - interval '30 days') AS created) c,
        LATERAL (SELECT sum(5 + (g + p) % 8) AS e, sum(4 + (g + p) % 8 - (g + p) % 2) AS c, sum(4 + (g + p) % 8 - (g + p) % 2 - p % 2) AS d
                 FROM generate_series(1, 5) p) sums`,
      params: [v.impactReturns],
    },
    {
      table: "ImpactByProfession",
      sql: `INSERT INTO "ImpactByProfession" (id, "impactReturnId", "professionId", enrolled, completed, deployed)
        SELECT i.id || '-' || j, i.id, pr.id, 5 + (g + j) % 8, 4 + (g + j) % 8 - (g + j) % 2, 4 + (g + j) % 8 - (g + j) % 2 - j % 2
        FROM (SELECT id, substr(id, 7)::int AS g FROM "ImpactReturn" WHERE id LIKE 'sc-ir-%') i CROSS JOIN generate_series(1, 5) j JOIN sc_prof pr ON pr.p = j`,
    },
    {
      // One practitioner per completion, on plans delivering or finished. By g mod 20: 70% recognised with a
      // badge, 25% recorded, 5% revoked after recognition. Seven in ten consent to the directory.
      table: "Practitioner",
      sql: `CREATE TEMP TABLE sc_completing ON COMMIT DROP AS
        SELECT row_number() OVER (ORDER BY plan_g) - 1 AS i, id, org, credential_id, decided_at FROM sc_reporting WHERE status IN ('APPROVED', 'APPROVED_WITH_CONDITIONS', 'CLOSED');
        CREATE TEMP TABLE sc_done ON COMMIT DROP AS
        SELECT g, c.id AS plan_id, c.org, c.credential_id, pr.id AS profession_id, pr.name AS profession,
               (c.decided_at + interval '70 days' + (300 + g % 200) * interval '1 day')::date AS completed_on
        FROM generate_series(1, $1) g
        JOIN sc_completing c ON c.i = (g - 1) % (SELECT count(*) FROM sc_completing)
        JOIN (SELECT id, name, row_number() OVER (ORDER BY name) - 1 AS j, count(*) OVER () AS k FROM "Profession" WHERE "retiredAt" IS NULL) pr ON pr.j = g % pr.k;
        INSERT INTO "Practitioner" (id, name, "organisationId", "professionId", "registrationNumber", "recognitionRoute", "listedInDirectory", "createdAt", "updatedAt")
        SELECT 'sc-pr-' || g, ${NAME("(g * 7)")}, org, profession_id, 'SC' || lpad(g::text, 7, '0'), 'MSC', g % 10 < 7, completed_on + interval '14 days', now() - interval '1 day'
        FROM sc_done`,
      params: [v.completions],
    },
    {
      table: "Completion",
      sql: `INSERT INTO "Completion" (id, "planId", "organisationId", "credentialId", "practitionerId", "practitionerName", registration, profession, "completedOn",
               status, "badgeId", "badgeSalt", "recognisedAt", reason, "createdAt")
        SELECT 'sc-co-' || d.g, d.plan_id, d.org, d.credential_id, 'sc-pr-' || d.g, ${NAME("(d.g * 7)")}, 'SC' || lpad(d.g::text, 7, '0'), d.profession, d.completed_on,
               (CASE WHEN d.g % 20 < 14 THEN 'RECOGNISED' WHEN d.g % 20 < 19 THEN 'RECORDED' ELSE 'REVOKED' END)::"CompletionStatus",
               CASE WHEN d.g % 20 < 14 OR d.g % 20 = 19 THEN gen_random_uuid()::text END,
               CASE WHEN d.g % 20 < 14 OR d.g % 20 = 19 THEN md5('sc-salt-' || d.g) END,
               CASE WHEN d.g % 20 < 14 OR d.g % 20 = 19 THEN d.completed_on + interval '28 days' END,
               CASE WHEN d.g % 20 = 19 THEN 'Awarded in error: the final assessment was not passed.' END,
               d.completed_on + interval '14 days'
        FROM sc_done d ORDER BY d.g`,
    },
    {
      // The history each record's state implies: one event per step it went through, by whom and when.
      table: "AuditEvent",
      sql: `INSERT INTO "AuditEvent" ("entityType", "entityId", action, "fromState", "toState", "actorId", "actorRole", reason, "createdAt")
        SELECT 'Credential', c.id, e.action, e.f, e.t, e.actor, e.role, NULL, e.at
        FROM "Credential" c, LATERAL (VALUES
          ('create', NULL, 'IN_DEVELOPMENT', 'sc-staff-1', 'CENTRE_STAFF', c."createdAt"),
          ('endorse', 'IN_DEVELOPMENT', 'ENDORSED', 'sc-staff-1', 'CENTRE_STAFF', c."endorsedAt"),
          ('publish', 'ENDORSED', 'ENDORSED', 'sc-staff-1', 'CENTRE_STAFF', c."publishedAt"),
          ('startPeriodicReview', 'ENDORSED', 'UNDER_PERIODIC_REVIEW', NULL, 'SYSTEM', CASE WHEN c.status = 'UNDER_PERIODIC_REVIEW' THEN c."publishedAt" + interval '30 days' END),
          ('withdraw', 'ENDORSED', 'WITHDRAWN', 'sc-staff-1', 'CENTRE_STAFF', c."withdrawnAt")) e(action, f, t, actor, role, at)
        WHERE c.id LIKE 'sc-%' AND e.at IS NOT NULL
        UNION ALL
        SELECT 'SpecificationVersion', v.id, e.action, e.f, e.t, e.actor, e.role, NULL, e.at
        FROM "SpecificationVersion" v, LATERAL (VALUES
          ('create', NULL, 'DRAFT', v."createdById", 'EXPERT', v."createdAt"),
          ('submit', 'DRAFT', 'SUBMITTED', v."createdById", 'EXPERT', v."submittedAt"),
          ('startReview', 'SUBMITTED', 'IN_REVIEW', 'sc-staff-1', 'CENTRE_STAFF', CASE WHEN v."decidedAt" IS NOT NULL THEN v."submittedAt" + interval '5 days' END),
          ('endorse', 'IN_REVIEW', 'ENDORSED', 'sc-staff-1', 'CENTRE_STAFF', v."decidedAt"),
          ('supersede', 'ENDORSED', 'SUPERSEDED', NULL, 'SYSTEM', CASE WHEN v.status = 'SUPERSEDED' THEN v."decidedAt" + interval '200 days' END)) e(action, f, t, actor, role, at)
        WHERE v.id LIKE 'sc-%' AND e.at IS NOT NULL
        UNION ALL
        SELECT 'DeliveryPlan', p.id, e.action, e.f, e.t, e.actor, e.role, e.reason, e.at
        FROM "DeliveryPlan" p, LATERAL (VALUES
          ('create', NULL, 'DRAFT', p."organisationId" || '-u1', 'PROVIDER', NULL, p."createdAt"),
          ('submit', 'DRAFT', 'SUBMITTED', p."organisationId" || '-u1', 'PROVIDER', NULL, p."submittedAt"),
          ('startReview', 'SUBMITTED', 'IN_REVIEW', 'sc-staff-1', 'CENTRE_STAFF', NULL, CASE WHEN p.status NOT IN ('DRAFT', 'SUBMITTED') THEN p."submittedAt" + interval '5 days' END),
          ('decide', 'IN_REVIEW', CASE WHEN p.status IN ('SUSPENDED', 'CLOSED') THEN 'APPROVED' ELSE p.status::text END, 'sc-staff-1', 'CENTRE_STAFF', p."decisionRationale", p."decidedAt"),
          ('suspend', 'APPROVED', 'SUSPENDED', 'sc-staff-1', 'CENTRE_STAFF', p."suspendedReason", p."flaggedAt"),
          ('close', 'APPROVED', 'CLOSED', 'sc-staff-1', 'CENTRE_STAFF', p."closedReason", CASE WHEN p.status = 'CLOSED' THEN p."decidedAt" + interval '500 days' END)) e(action, f, t, actor, role, reason, at)
        WHERE p.id LIKE 'sc-%' AND e.at IS NOT NULL
        UNION ALL
        SELECT 'QualityReview', q.id, e.action, e.f, e.t, 'sc-staff-1', 'CENTRE_STAFF', NULL, e.at
        FROM "QualityReview" q, LATERAL (VALUES
          ('create', NULL, 'PLANNED', q."createdAt"),
          ('start', 'PLANNED', 'IN_PROGRESS', CASE WHEN q.status <> 'PLANNED' THEN q."scheduledOn"::timestamp END),
          ('report', 'IN_PROGRESS', 'REPORTED', q."reportedAt"),
          ('close', 'REPORTED', 'CLOSED', q."closedAt")) e(action, f, t, at)
        WHERE q.id LIKE 'sc-%' AND e.at IS NOT NULL
        UNION ALL
        SELECT 'QualityAction', a.id, e.action, e.f, e.t, e.actor, e.role, NULL, e.at
        FROM "QualityAction" a, LATERAL (VALUES
          ('create', NULL, 'OPEN', 'sc-staff-1', 'CENTRE_STAFF', a."createdAt"),
          ('respond', 'OPEN', 'RESPONDED', a."organisationId" || '-u1', 'PROVIDER', a."respondedAt"),
          ('close', 'RESPONDED', 'CLOSED', 'sc-staff-1', 'CENTRE_STAFF', a."closedAt")) e(action, f, t, actor, role, at)
        WHERE a.id LIKE 'sc-%' AND e.at IS NOT NULL
        UNION ALL
        SELECT 'AnnualReturn', r.id, e.action, e.f, e.t, e.actor, e.role, e.reason, e.at
        FROM "AnnualReturn" r JOIN "DeliveryPlan" p ON p.id = r."planId", LATERAL (VALUES
          ('open', NULL, 'OPEN', NULL, 'SYSTEM', NULL, r."createdAt"),
          ('submit', 'OPEN', 'SUBMITTED', p."organisationId" || '-u1', 'PROVIDER', NULL, r."submittedAt"),
          ('query', 'SUBMITTED', 'QUERIED', 'sc-staff-1', 'CENTRE_STAFF', r."queryReason", CASE WHEN r.status = 'QUERIED' THEN r."submittedAt" + interval '3 days' END),
          ('accept', 'SUBMITTED', 'ACCEPTED', 'sc-staff-1', 'CENTRE_STAFF', NULL, CASE WHEN r.status = 'ACCEPTED' THEN r."submittedAt" + interval '3 days' END)) e(action, f, t, actor, role, reason, at)
        WHERE r.id LIKE 'sc-%' AND e.at IS NOT NULL
        UNION ALL
        SELECT 'ImpactReturn', i.id, e.action, e.f, e.t, e.actor, e.role, e.reason, e.at
        FROM "ImpactReturn" i, LATERAL (VALUES
          ('create', NULL, 'DRAFT', i."organisationId" || '-u1', 'PROVIDER', NULL, i."createdAt"),
          ('submit', 'DRAFT', 'SUBMITTED', i."organisationId" || '-u1', 'PROVIDER', NULL, i."submittedAt"),
          ('query', 'SUBMITTED', 'QUERIED', 'sc-staff-1', 'CENTRE_STAFF', i."queryReason", CASE WHEN i.status = 'QUERIED' THEN i."submittedAt" + interval '5 days' END),
          ('accept', 'SUBMITTED', 'ACCEPTED', 'sc-staff-1', 'CENTRE_STAFF', NULL, i."acceptedAt")) e(action, f, t, actor, role, reason, at)
        WHERE i.id LIKE 'sc-%' AND e.at IS NOT NULL
        UNION ALL
        SELECT 'Completion', c.id, e.action, e.f, e.t, e.actor, e.role, e.reason, e.at
        FROM "Completion" c, LATERAL (VALUES
          ('create', NULL, 'RECORDED', c."organisationId" || '-u1', 'PROVIDER', NULL, c."createdAt"),
          ('recognise', 'RECORDED', 'RECOGNISED', 'sc-staff-1', 'CENTRE_STAFF', NULL, c."recognisedAt"),
          ('revoke', 'RECOGNISED', 'REVOKED', 'sc-staff-1', 'CENTRE_STAFF', c.reason, CASE WHEN c.status = 'REVOKED' THEN c."recognisedAt" + interval '20 days' END)) e(action, f, t, actor, role, reason, at)
        WHERE c.id LIKE 'sc-%' AND e.at IS NOT NULL`,
    },
    {
      // What those events told people, by role, each linking to the list where the record is: decisions and
      // requests about their own organisation's work for providers and expert groups, submissions for staff,
      // assignments for reviewers. Seven in ten read.
      table: "Notification",
      sql: `INSERT INTO "Notification" ("id", "userId", title, body, link, "readAt", "createdAt")
        SELECT u.id || '-n' || k, u.id, n.title, 'See the record for what changed and what to do next.', n.link,
               CASE WHEN k % 10 < 7 THEN now() - k * interval '1 day' + interval '1 hour' END, now() - k * interval '1 day'
        FROM "User" u CROSS JOIN generate_series(1, $1) k
        JOIN (VALUES
          ('PROVIDER', 0, 'Delivery plan decided', '/delivery-plans'), ('PROVIDER', 1, 'Annual return due', '/quality-reviews'),
          ('PROVIDER', 2, 'Quality action raised', '/quality-reviews'), ('PROVIDER', 3, 'Impact return queried', '/impact'),
          ('CENTRE_STAFF', 0, 'Specification submitted', '/credentials'), ('CENTRE_STAFF', 1, 'Delivery plan submitted', '/delivery-plans'),
          ('CENTRE_STAFF', 2, 'Annual return submitted', '/quality-reviews'), ('CENTRE_STAFF', 3, 'Impact return submitted', '/impact'),
          ('EXPERT', 0, 'Commission issued', '/commissions'), ('EXPERT', 1, 'Specification decided', '/credentials'),
          ('EXPERT', 2, 'Comment on a draft specification', '/credentials'), ('EXPERT', 3, 'Priority published', '/priorities'),
          ('REVIEWER', 0, 'Specification to assess', '/credentials'), ('REVIEWER', 1, 'Quality review assigned', '/quality-reviews'),
          ('REVIEWER', 2, 'Response to a quality action', '/quality-reviews'), ('REVIEWER', 3, 'Specification to assess', '/credentials')
        ) n(role, i, title, link) ON n.role = u.role::text AND n.i = k % 4
        WHERE u.id LIKE 'sc-%'`,
      params: [v.notificationsPerPerson],
    },
  ];
}

/**
 * Loads the scale data onto a database that has the migrations and the demo data, in one transaction (all or
 * nothing), then VACUUMs and ANALYZEs, as after any bulk load: the visibility map then lets index-only scans skip the
 * tables, and autovacuum does not start on a million fresh rows in the middle of a measurement. Refuses a database
 * that already has it. Logs one line per table with its rows and time.
 */
export async function seedScale(databaseUrl: string, factor: number, log: (line: string) => void = console.log): Promise<Volumes> {
  const v = volumes(factor);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const demo = await client.query(`SELECT 1 FROM "User" WHERE email = 'staff@centre.example'`);
    if (demo.rowCount === 0) throw new Error("The database has no demo data: load it first (npm start, or npm run db:seed).");
    const loaded = await client.query(`SELECT 1 FROM "Organisation" WHERE id LIKE 'sc-%' LIMIT 1`);
    if (loaded.rowCount) throw new Error("The database already has the scale data; load it into a fresh database.");
    const started = performance.now();
    await client.query("BEGIN");
    // Generated rows arrive in bulk: spare the write-ahead log a flush per statement.
    await client.query("SET LOCAL synchronous_commit = off");
    for (const s of steps(v)) {
      const t = performance.now();
      // Whole numbers computed here, written into the text: a step may hold several statements.
      const sql = s.sql.replace(/\$(\d+)/g, (_, i: string) => {
        const n = s.params?.[Number(i) - 1];
        if (!Number.isInteger(n)) throw new Error(`${s.table}: parameter $${i} is not a whole number`);
        return String(n);
      });
      const results = await client.query(sql).catch((err: Error) => {
        throw new Error(`${s.table}: ${err.message}`);
      });
      const rows = [results].flat().reduce((n, r) => n + (r.command === "INSERT" || r.command === "UPDATE" ? (r.rowCount ?? 0) : 0), 0);
      log(
        `${s.table.padEnd(38)} ${rows.toLocaleString("en-GB").padStart(10)} rows ${((performance.now() - t) / 1000).toFixed(1).padStart(6)} s`,
      );
    }
    await client.query("COMMIT");
    const t = performance.now();
    await client.query("VACUUM (ANALYZE)");
    log(`${"VACUUM (ANALYZE)".padEnd(38)} ${"".padStart(10)}      ${((performance.now() - t) / 1000).toFixed(1).padStart(6)} s`);
    log(`factor ${factor}: loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return v;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
}
