// Bulk data for the benchmark: many credentials, plans, actions and audit events, generated in
// SQL (generate_series) so a large portfolio loads in seconds.
import pg from "pg";

export type Scale = { credentials: number; plansPerCredential: number; auditEvents: number };

/** The portfolio both benchmarks (`npm run bench`, `npm run bench:http`) measure against. */
export const BENCH_SCALE: Scale = { credentials: 5_000, plansPerCredential: 4, auditEvents: 200_000 };

export async function seedScale(databaseUrl: string, scale: Scale) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ group_id: string; provider_id: string; staff_id: string }>(`
      SELECT (SELECT id FROM "Organisation" WHERE kind = 'EXPERT_GROUP' ORDER BY name LIMIT 1) AS group_id,
             (SELECT id FROM "Organisation" WHERE kind = 'EDUCATION_PROVIDER' ORDER BY name LIMIT 1) AS provider_id,
             (SELECT id FROM "User" WHERE role = 'CENTRE_STAFF' ORDER BY email LIMIT 1) AS staff_id`);
    const { group_id, provider_id, staff_id } = rows[0];
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO "Credential" (id, reference, title, "ownerOrganisationId", origin, status, "endorsedAt", "reviewDueAt", "publishedAt", "updatedAt")
       SELECT 'bench-c-' || g, 'BEN-' || lpad(g::text, 6, '0'), 'Benchmark credential ' || g, $1, 'COMMISSIONED',
              (ARRAY['IN_DEVELOPMENT','ENDORSED','ENDORSED','UNDER_PERIODIC_REVIEW'])[1 + g % 4]::"CredentialStatus",
              now() - interval '400 days', now() + (g % 1000) * interval '1 day', now(), now()
       FROM generate_series(1, $2) g`,
      [group_id, scale.credentials],
    );
    await client.query(
      `INSERT INTO "SpecificationVersion" (id, "credentialId", number, status, "purposeAndScope", "updatedAt")
       SELECT 'bench-v-' || g, 'bench-c-' || g, 1, (ARRAY['DRAFT','SUBMITTED','IN_REVIEW','ENDORSED'])[1 + g % 4]::"SpecificationStatus", 'Purpose', now()
       FROM generate_series(1, $1) g`,
      [scale.credentials],
    );
    await client.query(
      `INSERT INTO "DeliveryPlan" (id, "credentialId", "specificationVersionId", "organisationId", "programmeTitle", status, "updatedAt")
       SELECT 'bench-p-' || c || '-' || p, 'bench-c-' || c, 'bench-v-' || c, $1, 'Programme ' || c || '/' || p,
              (ARRAY['DRAFT','SUBMITTED','APPROVED','APPROVED'])[1 + (c + p) % 4]::"DeliveryPlanStatus", now()
       FROM generate_series(1, $2) c, generate_series(1, $3) p`,
      [provider_id, scale.credentials, scale.plansPerCredential],
    );
    await client.query(
      `INSERT INTO "AuditEvent" ("entityType", "entityId", action, "fromState", "toState", "actorId", "actorRole", "createdAt")
       SELECT 'Credential', 'bench-c-' || (1 + g % $1), 'edit', 'IN_DEVELOPMENT', 'IN_DEVELOPMENT', $2, 'CENTRE_STAFF', now() - g * interval '1 minute'
       FROM generate_series(1, $3) g`,
      [scale.credentials, staff_id, scale.auditEvents],
    );
    await client.query("COMMIT");
    await client.query("ANALYZE");
  } finally {
    await client.end();
  }
}
