import { badge, toOpenBadge } from "@/lib/data/badges";
import { routeId } from "@/lib/params";
import { overPublicBudget } from "@/lib/security/public-budget";

export const dynamic = "force-dynamic";

/** The badge as an (unsigned) Open Badges 3.0 credential in JSON-LD. No sign-in. A revoked badge is gone (410). */
export async function GET(request: Request, { params }: { params: Promise<{ badgeId: string }> }) {
  const limited = await overPublicBudget();
  if (limited) return limited;
  const badgeId = routeId((await params).badgeId);
  const b = badgeId ? await badge(badgeId) : null;
  if (!b) return Response.json({ error: "No badge with this identifier." }, { status: 404 });
  if (b.status === "REVOKED") return Response.json({ error: "This badge has been revoked.", revoked: true }, { status: 410 });
  return Response.json(toOpenBadge(b, new URL(request.url).origin), {
    headers: { "Content-Type": "application/ld+json; charset=utf-8" },
  });
}
