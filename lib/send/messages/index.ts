/**
 * Secure messages on a child's SEND case (guide 004, "Messages"; issue 9). The family's side: a
 * family member writes to the SEND team (send-family-message.ts), lists their Inbox and Sent Items
 * (family-lists.ts) and reads the team's messages (family-read.ts); the team's side is team.ts.
 * Messages are plain text, stored as sent and never edited (there is no edit function; store.ts).
 * Every family read and write goes through caseForFamily, so a parent without active access (a
 * stranger, or one whose access was revoked) gets "not found"; and every query over messages has
 * visibleToFamilyMember in its WHERE (audience.ts), so on a case with two parents each sees only
 * their own messages and the team's to them or to everyone (issue 16). The emails that say a
 * message is waiting never carry its subject or text.
 */
export * from "./family-lists";
export * from "./family-read";
export * from "./send-family-message";
export * from "./team";
export * from "./types";
