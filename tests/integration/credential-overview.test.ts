import { beforeAll, describe, expect, it } from "vitest";
import { credentialOverview } from "@/lib/data/specification-reads";
import { resetDb, testDb } from "../support/db";
import { endorsedCredential } from "../support/delivery-factory";
import { actor, organisation } from "../support/factory";

// The credential page reads the credential, its page of versions and their count in one statement, the latest
// version from that page (or apart, on a later page), and what each person may see of them.

let c: Awaited<ReturnType<typeof cast>>;

async function cast() {
  const credential = await endorsedCredential("ENDORSED", 1);
  // Versions 2–11 superseded by 12, endorsed, then a draft 13: thirteen in all, of which a provider sees twelve.
  await testDb().specificationVersion.updateMany({ where: { credentialId: credential.id }, data: { status: "SUPERSEDED" } });
  await testDb().specificationVersion.createMany({
    data: Array.from({ length: 12 }, (_, i) => ({
      credentialId: credential.id,
      number: i + 2,
      status: i + 2 === 13 ? ("DRAFT" as const) : i + 2 === 12 ? ("ENDORSED" as const) : ("SUPERSEDED" as const),
    })),
  });
  const staff = await actor("CENTRE_STAFF", (await organisation("CENTRE")).id);
  const provider = await actor("PROVIDER", (await organisation("EDUCATION_PROVIDER")).id);
  return { credential, staff, provider };
}

beforeAll(async () => {
  await resetDb();
  c = await cast();
});

describe("a credential's page of versions", () => {
  it("lists the newest first, each naming the version before it, with the count and the latest version", async () => {
    const first = await credentialOverview(c.staff, c.credential.id);
    expect(first?.versionCount).toBe(13);
    expect(first?.versionsPageCount).toBe(2);
    expect(first?.versions.map((v) => v.number)).toEqual([13, 12, 11, 10, 9, 8, 7, 6, 5, 4]);
    expect(first?.versions.map((v) => v.previousNumber)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3]);
    expect(first?.latest?.number).toBe(13);
    expect(first?.hasReview).toBe(true);
    expect(first).not.toHaveProperty("_count");
  });

  it("reads a later page's rows from the same statement and its latest version apart", async () => {
    const second = await credentialOverview(c.staff, c.credential.id, "2");
    expect(second?.versions.map((v) => v.number)).toEqual([3, 2, 1]);
    expect(second?.versions.at(-1)?.previousNumber).toBeNull();
    expect(second?.latest?.number).toBe(13);
  });

  it("shows a provider only the endorsed and superseded versions, counted as they see them", async () => {
    const seen = await credentialOverview(c.provider, c.credential.id);
    expect(seen?.versionCount).toBe(12);
    expect(seen?.versions[0].number).toBe(12);
    expect(seen?.latest?.number).toBe(12);
  });
});
