import { cachedPublishedCredential, toOpenData } from "@/lib/data/catalogue-entry";
import { routeReference } from "@/lib/params";
import { overPublicBudget } from "@/lib/security/public-budget";

export const dynamic = "force-dynamic";

/** Open data: the endorsed specification of a published credential as JSON (one record: bounded). No sign-in. */
export async function GET(_request: Request, { params }: { params: Promise<{ reference: string }> }) {
  const limited = await overPublicBudget();
  if (limited) return limited;
  const reference = routeReference((await params).reference);
  const credential = reference ? await cachedPublishedCredential(reference) : null;
  if (!credential) return Response.json({ error: "No published credential with this reference." }, { status: 404 });
  if (credential.status === "WITHDRAWN") {
    return Response.json(
      { error: `Credential ${credential.reference} has been withdrawn.`, withdrawnAt: credential.withdrawnAt },
      { status: 410 },
    );
  }
  return Response.json(toOpenData(credential), {
    headers: { "Content-Disposition": `inline; filename="${credential.reference}.json"` },
  });
}
