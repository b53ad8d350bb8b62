import { describe, expect, it } from "vitest";
import { replicaDatabaseUrl } from "@/lib/config";

describe("DATABASE_REPLICA_URL", () => {
  it("unset, empty or blank means there is no replica", () => {
    expect(replicaDatabaseUrl(undefined)).toBeNull();
    expect(replicaDatabaseUrl("")).toBeNull();
    expect(replicaDatabaseUrl("   ")).toBeNull();
  });

  it("a postgres:// or postgresql:// URL is the replica, without surrounding spaces", () => {
    expect(replicaDatabaseUrl(" postgresql://app:pw@replica.internal:5432/apc ")).toBe("postgresql://app:pw@replica.internal:5432/apc");
    expect(replicaDatabaseUrl("postgres://app:pw@replica.internal/apc")).toBe("postgres://app:pw@replica.internal/apc");
  });

  it("anything else is refused with a message that does not repeat the password", () => {
    for (const value of ["replica.internal:5432", "mysql://app:s3cret@replica.internal/apc", "postgresql//app:s3cret@x"]) {
      expect(() => replicaDatabaseUrl(value)).toThrow(/DATABASE_REPLICA_URL is not a PostgreSQL URL/);
      expect(() => replicaDatabaseUrl(value)).not.toThrow(/s3cret/);
    }
  });
});
