import { signingKey } from "@/lib/badges/key";
import { overPublicBudget } from "@/lib/security/public-budget";

export const dynamic = "force-dynamic";

/** The public half of the key that signs the Centre's badges and status lists, as a JSON Web Key Set. */
export async function GET() {
  const limited = await overPublicBudget();
  if (limited) return limited;
  const { publicJwk } = await signingKey();
  return Response.json({ keys: [publicJwk] }, { headers: { "Content-Type": "application/jwk-set+json" } });
}
