/**
 * The family member reading on a case: one message (marked read for them, with an audit row),
 * what the New Message page needs for a reply, and the unread counts the dashboard and the
 * header show. Every read goes through caseForFamily and visibleToFamilyMember (audience.ts).
 */
import { and, count, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { sendMessages } from "@/db/schema";
import { caseForFamily, type FamilyCase } from "../access";
import type { FamilyUser, SendDeps } from "../deps";
import { recordSendAudit } from "../events";
import type { NotFound } from "../results";
import { visibleToFamilyMember } from "./audience";
import { markRead, messageOnCase, readBy, viewOf } from "./store";
import type { FamilyActor, MessageType, MessageView } from "./types";

/** One message this family member may see on the case (either direction); marks it read for them. */
export async function readFamilyMessage(
  deps: SendDeps,
  family: FamilyActor,
  caseId: string,
  messageId: string,
): Promise<{ status: "found"; childName: string; message: MessageView } | NotFound> {
  return deps.db.transaction(async (tx) => {
    const row = await caseForFamily(tx, family, caseId);
    if (!row) return { status: "not-found" } as const;
    const found = await messageOnCase(tx, row.id, messageId, row.checkedFor);
    if (!found) return { status: "not-found" } as const;
    await markRead(tx, found.message.id, family.userId, deps.now);
    await recordSendAudit(tx, "send-message-read", { userId: family.userId, caseId: row.id, ip: family.ip }, deps.now);
    return { status: "found", childName: `${row.childForename} ${row.childSurname}`, message: viewOf(found, "family") } as const;
  });
}

/**
 * What the New Message page needs: the child's name and, for a reply, the message replied to
 * (one this family member may see on this case; another id is ignored). Reads nothing as "read".
 */
export async function familyMessageDraft(
  db: DbOrTx,
  family: FamilyUser,
  caseId: string,
  replyToId?: string | null,
): Promise<{ status: "found"; childName: string; replyTo: { id: string; type: MessageType; subject: string } | null } | NotFound> {
  const row = await caseForFamily(db, family, caseId);
  if (!row) return { status: "not-found" };
  const found = await messageOnCase(db, row.id, replyToId, row.checkedFor);
  return {
    status: "found",
    childName: `${row.childForename} ${row.childSurname}`,
    replyTo: found ? { id: found.message.id, type: found.message.type, subject: found.message.subject } : null,
  };
}

/** Messages from the team to this family member (or to everyone) that they have not opened (0 without active access). */
export async function unreadCountForFamily(db: DbOrTx, family: FamilyUser, caseId: string): Promise<number> {
  const row = await caseForFamily(db, family, caseId);
  return row ? unreadCountIn(db, row) : 0;
}

/** The team's messages the checked user may see and has not opened, on a case whose access caseForFamily has checked. */
export async function unreadCountIn(db: DbOrTx, row: FamilyCase): Promise<number> {
  const [counted] = await db
    .select({ unread: count() })
    .from(sendMessages)
    .where(and(eq(sendMessages.caseId, row.id), eq(sendMessages.fromFamily, false), visibleToFamilyMember(row.checkedFor), sql`not ${readBy(row.checkedFor)}`));
  return counted?.unread ?? 0;
}
