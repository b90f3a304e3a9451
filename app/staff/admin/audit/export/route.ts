import { NextResponse, type NextRequest } from "next/server";
import { currentUser } from "@/app/_auth/current-user";
import { getDb } from "@/db/client";
import { trailCsvStream } from "@/lib/audit/trail-csv";
import { parseTrailFilters } from "@/lib/audit/trail-filters";
import { now } from "@/lib/clock";
import { appSettings } from "@/lib/config/env";
import { todayIn } from "@/lib/dates/calendar";
import { isCouncilAdmin } from "@/lib/staff/memberships";
import { recordAudit } from "@/lib/auth/audit";
import { clientAddressOf } from "@/lib/security/client-address";

const plain = (status: number, text: string) => new NextResponse(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/**
 * The audit trail as CSV, with the page's filters: every matching row, streamed. A route handler is
 * a public endpoint, so it checks for itself that the caller is a council admin (anyone else gets
 * 404, like the page) and the query is scoped to admins again in SQL.
 */
export async function GET(request: NextRequest) {
  const user = await currentUser();
  if (!user) return NextResponse.redirect(new URL(`/account/sign-in?returnTo=${encodeURIComponent("/staff/admin/audit")}`, appSettings().APP_URL), 303);
  if (!(await isCouncilAdmin(getDb(), user))) return plain(404, "Not found");
  const { filters, errors } = parseTrailFilters(Object.fromEntries(request.nextUrl.searchParams));
  if (Object.keys(errors).length > 0) return plain(400, "The filters are not valid. Go back to the audit trail and correct them.");
  // Taking the trail away is itself on the trail, with what was asked for.
  await recordAudit(getDb(), "audit-trail-exported", { userId: user.userId, ip: clientAddressOf(request.headers), detail: { filters } }, now());
  return new NextResponse(trailCsvStream(getDb(), user, filters), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-trail-${todayIn(now())}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
