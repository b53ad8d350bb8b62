// The app connects as a role that may read and write rows and nothing more: it cannot empty or rewrite
// the audit trail, nor change the schema. The owner cannot empty the audit trail either, short of
// dropping its trigger.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { appConnection } from "@/scripts/lib/app-role";
import { asOwner, ownerDatabaseUrl, resetDb, testDatabaseUrl, testDb } from "../support/db";

const event = { entityType: "Credential", entityId: "cred-1", action: "submit" };

beforeEach(resetDb);

describe("the app's database role", () => {
  it("is not the owner, and no superuser", async () => {
    const [me] = await testDb().$queryRaw<{ user: string; superuser: boolean; owns: number }[]>`
      SELECT current_user AS user, rolsuper AS superuser,
             (SELECT count(*)::int FROM pg_class WHERE relowner = r.oid) AS owns
      FROM pg_roles r WHERE rolname = current_user`;
    const [owner] = await asOwner<{ user: string }>(`SELECT current_user AS user`);
    expect(me.user).not.toBe(owner.user);
    expect(me.superuser).toBe(false);
    expect(me.owns).toBe(0);
  });

  it("still reads and writes the app's tables", async () => {
    const org = await testDb().organisation.create({ data: { name: "Role Test Trust", kind: "EDUCATION_PROVIDER" } });
    await testDb().organisation.update({ where: { id: org.id }, data: { name: "Renamed Trust" } });
    await testDb().organisation.delete({ where: { id: org.id } });
    const created = await testDb().auditEvent.create({ data: event });
    await expect(testDb().auditEvent.findUnique({ where: { id: created.id } })).resolves.toMatchObject(event);
  });

  it("may not TRUNCATE, UPDATE or DELETE the audit trail", async () => {
    const { id } = await testDb().auditEvent.create({ data: event });
    await expect(testDb().$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/permission denied/);
    await expect(testDb().$executeRaw`UPDATE "AuditEvent" SET "action" = 'tampered' WHERE "id" = ${id}`).rejects.toThrow(
      /permission denied/,
    );
    await expect(testDb().$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${id}`).rejects.toThrow(/permission denied/);
    await expect(testDb().auditEvent.count()).resolves.toBe(1);
  });

  it("may not TRUNCATE any other table either", async () => {
    await expect(testDb().$executeRawUnsafe(`TRUNCATE "Organisation" CASCADE`)).rejects.toThrow(/permission denied/);
  });

  it("may not create or alter tables", async () => {
    await expect(testDb().$executeRawUnsafe(`CREATE TABLE "Scratch" (id int)`)).rejects.toThrow(/permission denied/);
    await expect(testDb().$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`)).rejects.toThrow(/must be owner/);
    await expect(testDb().$executeRawUnsafe(`DROP TRIGGER "AuditEvent_no_truncate" ON "AuditEvent"`)).rejects.toThrow(/must be owner/);
  });
});

describe("the audit trail, for the owner", () => {
  it("refuses TRUNCATE through its trigger", async () => {
    await testDb().auditEvent.create({ data: event });
    await expect(asOwner(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only: TRUNCATE is not allowed/);
    await expect(testDb().auditEvent.count()).resolves.toBe(1);
  });
});

describe("choosing the app's connection", () => {
  it("uses APP_DATABASE_URL's role and grants it; the owner's own URL there gets a warning", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "apc-role-"));
    try {
      const app = await appConnection(ownerDatabaseUrl(), testDatabaseUrl(), dir);
      expect(app).toEqual({ url: testDatabaseUrl(), role: new URL(testDatabaseUrl()).username });
      const owner = await appConnection(ownerDatabaseUrl(), ownerDatabaseUrl(), dir);
      expect(owner.warning).toMatch(/signs in as the owner/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
