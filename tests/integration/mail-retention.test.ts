import { randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "@/db/client";
import { mailOutbox } from "@/db/schema";
import { applyOutboxRetention } from "@/lib/mail/outbox-retention";

const { db, close } = createDb(process.env.DATABASE_URL!, { max: 2 });
afterAll(() => close());

const DAY_MS = 86_400_000;
const now = new Date();
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);

async function outboxRow(status: "pending" | "sent" | "failed", ageDays: number, body: string | null) {
  const [row] = await db
    .insert(mailOutbox)
    .values({ toAddress: `retention.${randomUUID().slice(0, 8)}@example.org`, subject: "Your sign-in code", template: "sign-in-code", status, html: body && `<p>${body}</p>`, text: body, createdAt: daysAgo(ageDays), sentAt: status === "sent" ? daysAgo(ageDays) : null })
    .returning({ id: mailOutbox.id });
  return row!.id;
}

describe("mail outbox retention", () => {
  it("deletes rows queued over 30 days ago, and clears failed messages' bodies after 7 days", async () => {
    const ids = {
      oldSent: await outboxRow("sent", 31, null),
      recentSent: await outboxRow("sent", 29, null),
      oldFailed: await outboxRow("failed", 31, "code 12345678"),
      staleFailed: await outboxRow("failed", 8, "code 23456789"),
      freshFailed: await outboxRow("failed", 6, "code 34567890"),
      lostPending: await outboxRow("pending", 31, "code 45678901"),
      pending: await outboxRow("pending", 0, "code 56789012"),
    };

    const result = await applyOutboxRetention(db, now);

    const rows = await db.select().from(mailOutbox).where(inArray(mailOutbox.id, Object.values(ids)));
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.has(ids.oldSent)).toBe(false);
    expect(byId.has(ids.oldFailed)).toBe(false);
    expect(byId.has(ids.lostPending)).toBe(false);
    expect(byId.get(ids.recentSent)?.status).toBe("sent");
    expect(byId.get(ids.staleFailed)).toMatchObject({ status: "failed", html: null, text: null, template: "sign-in-code" });
    expect(byId.get(ids.freshFailed)?.text).toBe("code 34567890");
    expect(byId.get(ids.pending)?.text).toBe("code 56789012");
    expect(result.deleted).toBeGreaterThanOrEqual(3);
    expect(result.bodiesCleared).toBeGreaterThanOrEqual(1);

    // Running it again changes nothing more.
    expect(await applyOutboxRetention(db, now)).toEqual({ deleted: 0, bodiesCleared: 0 });
  });
});
