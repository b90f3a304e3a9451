import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/db/client";
import { mailOutbox } from "@/db/schema";
import { createAccountMailer } from "@/emails/account-mailer";
import { ServiceNotice } from "@/emails/service-notice";
import { renderEmail } from "@/emails/render-email";
import { startWorker, type RunningWorker } from "@/lib/jobs/worker";
import { queueEmail } from "@/lib/mail/queue-email";
import { QUEUES } from "@/lib/jobs/queues";
import { listMailbox, readMailboxMessage } from "@/lib/mail/dev-mailbox";
import { executorFor } from "@/lib/jobs/sql-executor";
import { startEmbeddedSmtp } from "@/lib/runtime/embedded-smtp";
import { findFreePort } from "@/lib/runtime/free-port";
import { waitFor } from "@/tests/support/wait-for";

// This file runs its own SMTP server and worker, so it can take the mail server away.
const mailboxDir = mkdtempSync(path.join(tmpdir(), "portal-mailbox-"));
let smtpPort: number;
let smtp: Awaited<ReturnType<typeof startEmbeddedSmtp>> | undefined;
let worker: RunningWorker;
const { db, close } = createDb(process.env.DATABASE_URL!);
const sender = new PgBoss({ db: executorFor(db), supervise: false, schedule: false, migrate: false });

async function notice(subject: string) {
  const body = await renderEmail(ServiceNotice({ councilName: "Demo Borough Council", heading: subject, paragraphs: ["A test message."] }));
  return { to: "someone@example.org", subject, template: "service-notice", ...body };
}

const messagesWithSubject = (subject: string) => listMailbox(mailboxDir).then((all) => all.filter((m) => m.subject === subject));

beforeAll(async () => {
  // Other files queue real delivery jobs (their emails are read from the outbox, and no worker
  // runs for them). This file's worker would deliver that backlog first, so it starts without it.
  await db.execute(sql`delete from pgboss.job where name = ${QUEUES.deliverMail} and state in ('created', 'retry')`);
  smtpPort = await findFreePort();
  smtp = await startEmbeddedSmtp(mailboxDir, smtpPort);
  worker = await startWorker({
    databaseUrl: process.env.DATABASE_URL!,
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    mailFrom: '"Children\'s Portal" <children@portal.localhost>',
    retryLimit: 20,
    retryDelaySeconds: 1,
    pollingIntervalSeconds: 0.5,
  });
});

afterAll(async () => {
  await worker?.stop();
  await smtp?.stop();
  await close();
});

describe("email through the outbox and the job worker", () => {
  it("delivers a queued email as HTML and plain text from the council's sender", async () => {
    const subject = `Welcome ${randomUUID()}`;
    const email = await notice(subject);
    await db.transaction((tx) => queueEmail(tx, sender, email));
    const [arrived] = await waitFor(async () => {
      const found = await messagesWithSubject(subject);
      return found.length > 0 && found;
    }, 30_000, "the email to arrive");
    const message = await readMailboxMessage(mailboxDir, arrived!.id);
    expect(message?.from).toContain("Children's Portal");
    expect(message?.html).toContain("A test message.");
    expect(message?.text).toContain("A test message.");
  });

  it("keeps an email while SMTP is down and delivers it exactly once when SMTP is back", async () => {
    await smtp!.stop();
    const subject = `Outage ${randomUUID()}`;
    const outboxId = await db.transaction(async (tx) => queueEmail(tx, sender, await notice(subject)));

    // The worker has tried and failed at least once while the server was away.
    await waitFor(async () => {
      const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, outboxId));
      return row && row.attempts >= 1 && row.lastError !== null;
    }, 30_000, "a failed delivery attempt");
    expect(await messagesWithSubject(subject)).toHaveLength(0);

    smtp = await startEmbeddedSmtp(mailboxDir, smtpPort);
    await waitFor(async () => {
      const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, outboxId));
      return row?.status === "sent";
    }, 60_000, "the outbox row to be sent");
    // The queue has finished with the job, so no retry can still be coming.
    await waitFor(async () => {
      const rows = await db.execute(sql`select state from pgboss.job where data->>'outboxId' = ${outboxId}`);
      return rows.length === 1 && rows[0]!.state === "completed";
    }, 30_000, "the delivery job to complete");
    expect(await messagesWithSubject(subject)).toHaveLength(1);
  });

  it("keeps no code in the outbox once a sign-in code email is delivered, only who, what and whether", async () => {
    const to = `code.${randomUUID().slice(0, 8)}@example.org`;
    const code = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
    const mail = createAccountMailer(sender, "Demo Borough Council");
    await db.transaction((tx) => mail(tx, { kind: "sign-in-code", to, code, minutes: 15 }));

    const [row] = await waitFor(async () => {
      const rows = await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, to));
      return rows[0]?.status === "sent" && rows;
    }, 30_000, "the code email to be sent");
    expect(row).toMatchObject({ toAddress: to, subject: "Your sign-in code", template: "sign-in-code", status: "sent", html: null, text: null });
    const [stored] = await db.execute(sql`select * from mail_outbox where id = ${row!.id}`);
    expect(JSON.stringify(stored)).not.toContain(code);

    // The person's copy, in the mail server, still has it.
    const [arrived] = (await listMailbox(mailboxDir)).filter((m) => m.to.includes(to));
    expect((await readMailboxMessage(mailboxDir, arrived!.id))?.text).toContain(code);
  });

  it("runs the outbox retention daily, and when its job is queued deletes rows over 30 days old", async () => {
    const schedules = await db.execute(sql`select cron, options->>'tz' as tz from pgboss.schedule where name = ${QUEUES.mailRetention}`);
    expect(schedules).toEqual([{ cron: "45 3 * * *", tz: "Europe/London" }]);

    const [old] = await db
      .insert(mailOutbox)
      .values({ toAddress: "old@example.org", subject: "Your sign-in code", template: "sign-in-code", status: "sent", createdAt: new Date(Date.now() - 31 * 86_400_000) })
      .returning({ id: mailOutbox.id });
    await sender.send(QUEUES.mailRetention, {});
    await waitFor(async () => (await db.select().from(mailOutbox).where(eq(mailOutbox.id, old!.id))).length === 0, 30_000, "the old row to be deleted");
  });

  it("never sends an email queued in a transaction that rolls back", async () => {
    const rolledBack = `Rolled back ${randomUUID()}`;
    const committed = `Committed ${randomUUID()}`;
    let rolledBackId = "";
    await expect(
      db.transaction(async (tx) => {
        rolledBackId = await queueEmail(tx, sender, await notice(rolledBack));
        throw new Error("the change this email reports failed");
      }),
    ).rejects.toThrow("the change this email reports failed");
    await db.transaction(async (tx) => queueEmail(tx, sender, await notice(committed)));

    // Once a later email has arrived, an earlier one would have too.
    await waitFor(async () => (await messagesWithSubject(committed)).length === 1, 30_000, "the committed email");
    expect(await messagesWithSubject(rolledBack)).toHaveLength(0);
    expect(await db.select().from(mailOutbox).where(eq(mailOutbox.id, rolledBackId))).toHaveLength(0);
    const jobs = await db.execute(sql`select id from pgboss.job where data->>'outboxId' = ${rolledBackId}`);
    expect(jobs).toHaveLength(0);
    expect(readdirSync(mailboxDir).length).toBeGreaterThan(0);
  });
});
