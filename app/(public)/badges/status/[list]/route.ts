import { isStatusList } from "@/lib/badges/status-list";
import { signedStatusList } from "@/lib/data/badges";
import { overPublicBudget } from "@/lib/security/public-budget";

export const dynamic = "force-dynamic";

/** A revocation status list as a signed BitstringStatusListCredential (VC-JWT). No sign-in; never cached. */
export async function GET(_request: Request, { params }: { params: Promise<{ list: string }> }) {
  const limited = await overPublicBudget();
  if (limited) return limited;
  const raw = (await params).list;
  if (!isStatusList(raw)) return Response.json({ error: "No status list with this number." }, { status: 404 });
  return new Response(await signedStatusList(Number(raw)), {
    headers: { "Content-Type": "application/vc+jwt", "Cache-Control": "no-store" },
  });
}
