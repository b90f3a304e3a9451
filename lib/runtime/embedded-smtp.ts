/**
 * A loopback SMTP server that keeps every message as an .eml file in the mailbox folder,
 * which /dev/mailbox reads. It never relays anything anywhere.
 */
import { SMTPServer } from "smtp-server";
import { mkdirSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { findFreePort } from "./free-port";
import type { RunningService } from "./embedded-postgres";

export async function startEmbeddedSmtp(mailboxDir: string, fixedPort?: number): Promise<RunningService & { port: number }> {
  const directory = path.resolve(mailboxDir);
  mkdirSync(directory, { recursive: true });
  const port = fixedPort ?? (await findFreePort());
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        // Names sort by arrival time, so the mailbox can list newest first without parsing.
        const name = `${Date.now().toString().padStart(15, "0")}-${randomUUID()}.eml`;
        writeFile(path.join(directory, name), Buffer.concat(chunks)).then(() => callback(), callback);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
