import type { NextRequest } from "next/server";
import { currentUser } from "@/lib/auth/session";
import { csvResponse } from "@/lib/csv";
import { impactCsv } from "@/lib/data/impact-export";
import { routeId } from "@/lib/params";

// CSV downloads of the impact tables. Route handlers sit outside the (app) layout's sign-in check, so the session
// is checked here; the data layer then scopes the rows (a provider gets only their organisation's figures).

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function GET(request: NextRequest, { params }: { params: Promise<{ table: string }> }) {
  const user = await currentUser();
  if (!user) return text("Sign in to download this file.", 401);
  if (user.role !== "CENTRE_STAFF" && user.role !== "PROVIDER") return text("You do not have access to impact figures.", 403);
  const { table } = await params;
  const query = request.nextUrl.searchParams;
  const credentialId = query.has("credential") ? routeId(query.get("credential")) : undefined;
  if (query.has("credential") && !credentialId) return text("There is no such credential.", 404);
  const csv = await impactCsv(user, table, {
    credentialId,
    filters: { status: query.get("status") ?? undefined },
  });
  if (!csv) return text("There is no such table to download.", 404);
  return csvResponse(csv);
}
