import { beforeAll, describe, expect, it } from "vitest";
import { readCataloguePage } from "@/lib/data/catalogue";
import { listCredentials } from "@/lib/data/credentials";
import { workItems } from "@/lib/data/dashboard";
import { listDeliveryPlans } from "@/lib/data/delivery-plans";
import { historyOf } from "@/lib/data/history";
import { listPriorities } from "@/lib/data/priorities";
import { listAnnualReturns, listQualityActions, listQualityReviews } from "@/lib/data/quality-lists";
import { resetDb } from "../support/db";
import { deliveryCast, endorsedCredential, plan } from "../support/delivery-factory";
import * as make from "../support/factory";
import { countQueries, installCountingClient } from "../support/query-count";

// Pages must send the same number of queries whatever the amount of data (no N+1): each read
// below is measured with a little data and again with much more, and the counts must match.

type Cast = Awaited<ReturnType<typeof deliveryCast>>;
let c: Cast;

async function addData(n: number) {
  const round = await make.round("OPEN");
  for (let i = 0; i < n; i++) {
    const credential = await endorsedCredential("ENDORSED", 2);
    await plan(credential, c.providerOrg.id, "APPROVED");
    await make.priority(round.id, { status: "PUBLISHED" });
    await make.commission((await make.priority(round.id)).id, credential.ownerOrganisationId, c.staff.id, "ISSUED");
  }
}

const reads = () => ({
  "staff dashboard": () => workItems(c.staff),
  "provider dashboard": () => workItems(c.provider),
  "credential list": () => listCredentials(c.staff, {}),
  "delivery-plan list": () => listDeliveryPlans(c.provider, {}),
  "priority list": () => listPriorities(c.staff),
  catalogue: () => readCataloguePage({}),
  "annual returns": () => listAnnualReturns(c.staff, {}),
  "quality reviews": () => listQualityReviews(c.staff, {}),
  "quality actions": () => listQualityActions(c.staff, {}),
  history: () => historyOf(c.staff, [c.staff.id]),
});

async function measure() {
  const out: Record<string, number> = {};
  for (const [name, fn] of Object.entries(reads())) out[name] = await countQueries(fn);
  return out;
}

beforeAll(async () => {
  installCountingClient();
  await resetDb();
  c = await deliveryCast();
});

describe("query counts do not grow with the data", () => {
  it("every list and dashboard read sends the same number of queries for 2 and for 12 records", async () => {
    await addData(2);
    const small = await measure();
    await addData(10);
    const large = await measure();
    expect(large).toEqual(small);
    for (const count of Object.values(small)) expect(count).toBeGreaterThan(0);
  }, 30_000);
});
