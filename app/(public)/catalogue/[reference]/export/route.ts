import { cachedPublishedCredential, toOpenData } from "@/lib/data/catalogue";

export const dynamic = "force-dynamic";

/** Open data: the endorsed specification of a published credential as JSON (one record: bounded). No sign-in. */
export async function GET(_request: Request, { params }: { params: Promise<{ reference: string }> }) {
  const { reference } = await params;
  const credential = await cachedPublishedCredential(reference);
  if (!credential) return Response.json({ error: "No published credential with this reference." }, { status: 404 });
  if (credential.status === "WITHDRAWN") {
    return Response.json({ error: `Credential ${credential.reference} has been withdrawn.`, withdrawnAt: credential.withdrawnAt }, { status: 410 });
  }
  return Response.json(toOpenData(credential), {
    headers: { "Content-Disposition": `inline; filename="${credential.reference}.json"` },
  });
}
