import { issuerProfile } from "@/lib/data/badges";
import { overPublicBudget } from "@/lib/security/public-budget";

export const dynamic = "force-dynamic";

/** The Centre as the badges' issuer: an Open Badges 3.0 Profile. Its signing key is at ./jwks. */
export async function GET() {
  const limited = await overPublicBudget();
  if (limited) return limited;
  return Response.json(issuerProfile(), { headers: { "Content-Type": "application/ld+json; charset=utf-8" } });
}
