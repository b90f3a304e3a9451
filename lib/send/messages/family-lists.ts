/**
 * The family member's Inbox and Sent Items on a case, paged in SQL, newest first. Every query has
 * visibleToFamilyMember in its WHERE (audience.ts), so on a case with two parents each lists only
 * their own messages and the team's to them or to everyone (issue 16).
 */
import { and, count, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { sendMessages, users } from "@/db/schema";
import { caseForFamily } from "../access";
import type { FamilyUser } from "../deps";
import type { NotFound } from "../results";
import { personName, visibleToFamilyMember } from "./audience";
import { readBy, recipients, toNameOf } from "./store";
import { MESSAGE_TYPES, type MessageView } from "./types";

/** One message in a family member's Inbox or Sent Items. */
export type FamilyMessageRow = Pick<MessageView, "id" | "sentAt" | "type" | "typeLabel" | "fromName" | "toName" | "subject"> & {
  /** Only for messages from the team: this user has not opened it yet. */
  unread: boolean;
};

export type FamilyMessagePage = {
  status: "found";
  caseId: string;
  childName: string;
  items: FamilyMessageRow[];
  total: number;
  /** 1-based, within 1..pageCount. */
  page: number;
  pageSize: number;
  pageCount: number;
};

export type Paging = { page?: number; pageSize?: number };

function pagingOf(paging: Paging, total: number) {
  const pageSize = Math.min(Math.max(Math.trunc(paging.pageSize ?? 10) || 10, 1), 100);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(Math.trunc(paging.page ?? 1) || 1, 1), pageCount);
  return { page, pageSize, pageCount, offset: (page - 1) * pageSize };
}

async function familyList(db: DbOrTx, family: FamilyUser, caseId: string, paging: Paging, fromFamily: boolean): Promise<FamilyMessagePage | NotFound> {
  const row = await caseForFamily(db, family, caseId);
  if (!row) return { status: "not-found" };
  const where = and(eq(sendMessages.caseId, row.id), eq(sendMessages.fromFamily, fromFamily), visibleToFamilyMember(row.checkedFor));
  const [counted] = await db.select({ total: count() }).from(sendMessages).where(where);
  const total = counted?.total ?? 0;
  const { page, pageSize, pageCount, offset } = pagingOf(paging, total);
  const rows = await db
    .select({
      id: sendMessages.id,
      sentAt: sendMessages.sentAt,
      type: sendMessages.type,
      subject: sendMessages.subject,
      toUserId: sendMessages.toUserId,
      forename: users.forename,
      surname: users.surname,
      toForename: recipients.forename,
      toSurname: recipients.surname,
      read: readBy(row.checkedFor),
    })
    .from(sendMessages)
    .leftJoin(users, eq(users.id, sendMessages.fromUserId))
    .leftJoin(recipients, eq(recipients.id, sendMessages.toUserId))
    .where(where)
    .orderBy(desc(sendMessages.sentAt), desc(sendMessages.seq))
    .limit(pageSize)
    .offset(offset);
  return {
    status: "found",
    caseId: row.id,
    childName: `${row.childForename} ${row.childSurname}`,
    items: rows.map((item) => ({
      id: item.id,
      sentAt: item.sentAt,
      type: item.type,
      typeLabel: MESSAGE_TYPES[item.type],
      fromName: personName(item),
      toName: toNameOf({ ...item, fromFamily }, "family"),
      subject: item.subject,
      unread: !fromFamily && !item.read,
    })),
    total,
    page,
    pageSize,
    pageCount,
  };
}

/** The family member's Inbox: the team's messages to them or to everyone with access, newest first, each marked unread until this user opens it. */
export function listFamilyInbox(db: DbOrTx, family: FamilyUser, caseId: string, paging: Paging = {}): Promise<FamilyMessagePage | NotFound> {
  return familyList(db, family, caseId, paging, false);
}

/** The family member's Sent Items: the messages they sent on the case (not another member's), newest first. */
export function listFamilySent(db: DbOrTx, family: FamilyUser, caseId: string, paging: Paging = {}): Promise<FamilyMessagePage | NotFound> {
  return familyList(db, family, caseId, paging, true);
}
