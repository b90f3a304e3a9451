/**
 * A family member writes to the SEND team (guide 004, "Messages"): the message is stored as sent
 * (never edited) through caseForFamily, so a parent without active access gets "not found"; the
 * case's caseworker is emailed that a message is waiting, never its subject or text.
 */
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { caseForFamily } from "../access";
import { formatCaseNumber, link, type SendDeps } from "../deps";
import type { Invalid, NotFound } from "../results";
import { storeMessage } from "./store";
import type { FamilyActor, MessageInput, Sent } from "./types";

/**
 * A family member sends a message to the SEND team (only they and the team will see it). The
 * case's caseworker is emailed that a message is waiting (with a link to the case's messages,
 * never the subject or text).
 */
export async function sendFamilyMessage(deps: SendDeps, family: FamilyActor, input: MessageInput): Promise<Sent | Invalid | NotFound> {
  return deps.db.transaction(async (tx) => {
    const row = await caseForFamily(tx, family, input.caseId);
    if (!row) return { status: "not-found" } as const;
    const message = await storeMessage(tx, deps, row.id, { userId: family.userId, ip: family.ip, fromFamily: true }, input);
    if (message.status === "invalid") return message;
    const [caseworker] = await tx.select({ email: users.email }).from(users).where(eq(users.id, row.caseworkerId));
    if (caseworker) {
      await deps.mail(tx, { kind: "message-waiting", to: caseworker.email, forTeam: true, caseNumber: formatCaseNumber(row.number), link: link(deps, `/staff/send/${row.id}/messages`) });
    }
    return { status: "done", messageId: message.id } as const;
  });
}
