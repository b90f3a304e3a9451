/**
 * Who in a family may see a child's case. `caseForFamily` is the one place that decides it:
 * every parent-side page, route and action reads the case through it, and it answers only for
 * an access row that is active now. Revoking flips that row, so the next request gets nothing,
 * whatever sessions are open. Two parents may each hold access to one child; one parent may
 * hold several children.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { sendAccess, sendCases, users } from "@/db/schema";
import { isStaff } from "@/lib/auth/roles";
import { isUuid } from "@/lib/security/uuid";
import { link, todayOf, type FamilyUser, type SendDeps, type StaffUser } from "./deps";
import { recordCaseEvent, recordSendAudit } from "./events";
import { caseOfMyTeams, type Forbidden, type Invalid, type NotFound } from "./cases";

/**
 * A case row as caseForFamily returns it: `checkedFor` is the user whose active access was just
 * checked. Functions that take a FamilyCase (the dashboard's boxes) trust that check, so one
 * request checks once; only caseForFamily makes one.
 */
export type FamilyCase = typeof sendCases.$inferSelect & { checkedFor: string };

/** The case, if this user's access to it is active; null otherwise (callers answer 404). */
export async function caseForFamily(db: DbOrTx, family: FamilyUser, caseId: string): Promise<FamilyCase | null> {
  if (!isUuid(caseId) || !isUuid(family.userId)) return null;
  const [row] = await db
    .select({ row: sendCases })
    .from(sendAccess)
    .innerJoin(sendCases, eq(sendCases.id, sendAccess.caseId))
    .where(and(eq(sendAccess.caseId, caseId), eq(sendAccess.userId, family.userId), eq(sendAccess.status, "active")));
  return row ? { ...row.row, checkedFor: family.userId } : null;
}

export type FamilyChild = { caseId: string; childName: string; status: "pending" | "active" };

/** The children this user has (or is waiting for) access to, for their home page. */
export async function listFamilyChildren(db: DbOrTx, family: FamilyUser): Promise<FamilyChild[]> {
  if (!isUuid(family.userId)) return [];
  const rows = await db
    .select({ caseId: sendCases.id, forename: sendCases.childForename, surname: sendCases.childSurname, status: sendAccess.status })
    .from(sendAccess)
    .innerJoin(sendCases, eq(sendCases.id, sendAccess.caseId))
    .where(and(eq(sendAccess.userId, family.userId), inArray(sendAccess.status, ["pending", "active"])))
    .orderBy(asc(sendCases.childForename), asc(sendCases.id));
  return rows.map((row) => ({ caseId: row.caseId, childName: `${row.forename} ${row.surname}`, status: row.status as "pending" | "active" }));
}

async function changeAccess(
  deps: SendDeps,
  staff: StaffUser,
  accessId: string,
  from: ("pending" | "active")[],
  to: "active" | "revoked",
): Promise<{ status: "done" } | Invalid | NotFound | Forbidden> {
  if (!isStaff(staff)) return { status: "forbidden" };
  if (!isUuid(accessId)) return { status: "not-found" };
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ access: sendAccess, email: users.email })
      .from(sendAccess)
      .innerJoin(users, eq(users.id, sendAccess.userId))
      .where(and(eq(sendAccess.id, accessId), caseOfMyTeams(sendAccess.caseId, staff)))
      .for("update", { of: sendAccess });
    if (!row) return { status: "not-found" } as const;
    if (!(from as string[]).includes(row.access.status)) {
      const message = to === "active" ? "This access is not waiting for activation" : "This access has already been revoked";
      return { status: "invalid", errors: { access: message } } as const;
    }
    await tx
      .update(sendAccess)
      .set(to === "active" ? { status: "active", activatedAt: deps.now } : { status: "revoked", revokedAt: deps.now })
      .where(eq(sendAccess.id, accessId));
    const kind = to === "active" ? "access-activated" : "access-revoked";
    await recordCaseEvent(tx, { caseId: row.access.caseId, kind, eventDate: todayOf(deps), at: deps.now, actorId: staff.userId, detail: { userId: row.access.userId } });
    await recordSendAudit(tx, to === "active" ? "send-access-activated" : "send-access-revoked", { userId: staff.userId, caseId: row.access.caseId, ip: staff.ip }, deps.now);
    if (to === "active") await deps.mail(tx, { kind: "access-activated", to: row.email, link: link(deps, "/send") });
    return { status: "done" } as const;
  });
}

/** The caseworker activates an accepted invitation's access; the parent is emailed the dashboard link. */
export function activateAccess(deps: SendDeps, staff: StaffUser, accessId: string) {
  return changeAccess(deps, staff, accessId, ["pending"], "active");
}

/** Ends a person's access (pending or active) at once: their next request finds nothing. */
export function revokeAccess(deps: SendDeps, staff: StaffUser, accessId: string) {
  return changeAccess(deps, staff, accessId, ["pending", "active"], "revoked");
}
