import { badge, toOpenBadge } from "@/lib/data/badges";
import { routeId } from "@/lib/params";
import { overPublicBudget } from "@/lib/security/public-budget";

export const dynamic = "force-dynamic";

/**
 * The badge's credential as JSON-LD: exactly what its signed JWT (./jwt) carries, for reading. No sign-in. A revoked
 * badge is still served: its status entry points at the status list, which says it is revoked.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ badgeId: string }> }) {
  const limited = await overPublicBudget();
  if (limited) return limited;
  const badgeId = routeId((await params).badgeId);
  const b = badgeId ? await badge(badgeId) : null;
  if (!b) return Response.json({ error: "No badge with this identifier." }, { status: 404 });
  return Response.json(toOpenBadge(b), { headers: { "Content-Type": "application/ld+json; charset=utf-8" } });
}
