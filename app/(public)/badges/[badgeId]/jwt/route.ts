import { badge, signedBadge } from "@/lib/data/badges";
import { routeId } from "@/lib/params";
import { overPublicBudget } from "@/lib/security/public-budget";

export const dynamic = "force-dynamic";

/** The signed badge (an Open Badges 3.0 VC-JWT) as a file to keep. No sign-in. */
export async function GET(_request: Request, { params }: { params: Promise<{ badgeId: string }> }) {
  const limited = await overPublicBudget();
  if (limited) return limited;
  const badgeId = routeId((await params).badgeId);
  const b = badgeId ? await badge(badgeId) : null;
  if (!b) return Response.json({ error: "No badge with this identifier." }, { status: 404 });
  return new Response(await signedBadge(b), {
    headers: {
      "Content-Type": "application/vc+jwt",
      "Content-Disposition": `attachment; filename="badge-${b.badgeId}.jwt"`,
    },
  });
}
