import { beforeEach, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";
import { resetDb, testDb } from "../support/db";
import * as make from "../support/factory";

beforeEach(resetDb);

async function userWithPassword(password: string, active = true) {
  const org = await make.organisation("EDUCATION_PROVIDER");
  return testDb().user.create({
    data: {
      email: "helen@provider.example",
      name: "Helen",
      role: "PROVIDER",
      organisationId: org.id,
      active,
      passwordHash: await hashPassword(password),
    },
  });
}

describe("authenticate", () => {
  it("stores an argon2id hash, never the password", async () => {
    const user = await userWithPassword("correct horse battery");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain("correct horse battery");
  });

  it("returns the session user with role and organisation for the right password (e-mail case-insensitive)", async () => {
    const user = await userWithPassword("correct horse battery");
    const session = await authenticate("Helen@Provider.example ", "correct horse battery");
    expect(session).toMatchObject({ id: user.id, role: "PROVIDER", organisationId: user.organisationId });
    expect(session?.organisationName).toMatch(/EDUCATION_PROVIDER/);
    expect((await testDb().user.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt).not.toBeNull();
  });

  it("refuses a wrong password, an unknown e-mail and a deactivated account alike", async () => {
    await userWithPassword("correct horse battery");
    expect(await authenticate("helen@provider.example", "wrong")).toBeNull();
    expect(await authenticate("nobody@provider.example", "correct horse battery")).toBeNull();
    await testDb().user.updateMany({ data: { active: false } });
    expect(await authenticate("helen@provider.example", "correct horse battery")).toBeNull();
  });
});
