/**
 * A small client for clamd's INSTREAM protocol over a TCP or Unix socket: "zINSTREAM\0", then
 * the file as chunks each prefixed with its length (4 bytes, big-endian), then a zero length;
 * clamd answers "stream: OK" or "stream: <signature> FOUND" (NUL-terminated). Also VERSION, for
 * the health check. Every wait (connecting, clamd taking a chunk, its answer) has a time limit;
 * anything but a clear answer is "unavailable", so a caller can fail closed.
 *
 * Written here rather than taken from npm `clamscan`: INSTREAM is some forty lines, and
 * clamscan's stream API buffers through its own transform and reports socket failures in ways
 * that are hard to tell from a clean scan; here each outcome is one value we decide on.
 */
import net from "node:net";

export type ClamdAddress = { host: string; port: number } | { path: string };

export type ScanVerdict = { status: "clean" } | { status: "infected"; signature: string } | { status: "unavailable"; reason: string };

/** "tcp://host:3310" or "/run/clamav/clamd.ctl". */
export function parseClamdUrl(url: string): ClamdAddress {
  if (url.startsWith("/")) return { path: url };
  const parsed = new URL(url);
  if (parsed.protocol !== "tcp:" || !parsed.port) throw new Error("CLAMAV_URL must be tcp://host:port or a socket path");
  return { host: parsed.hostname.replace(/^\[|\]$/g, ""), port: Number(parsed.port) };
}

const MAX_CHUNK = 64 * 1024;

/** One file being streamed to clamd. Writes never throw: a failure shows in `failed` and in finish()'s verdict. */
export class InstreamScan {
  private readonly socket: net.Socket;
  private reply = "";
  private problem: string | null = null;
  private readonly closed: Promise<void>;
  private finished = false;
  private waiting = false;

  constructor(
    address: ClamdAddress,
    private readonly timeoutMs: number,
  ) {
    this.socket = "path" in address ? net.connect({ path: address.path }) : net.connect({ host: address.host, port: address.port });
    // The time limit runs only while we wait on clamd (connecting, a full buffer, the answer):
    // a person's slow upload is not clamd being slow.
    this.socket.setTimeout(timeoutMs);
    this.socket.once("connect", () => {
      if (!this.finished && !this.waiting) this.socket.setTimeout(0);
    });
    this.socket.on("timeout", () => this.fail("timed out"));
    this.socket.on("data", (data: Buffer) => (this.reply += data.toString("latin1")));
    this.closed = new Promise((resolve) => this.socket.once("close", () => resolve()));
    this.socket.on("error", (error: NodeJS.ErrnoException) => this.fail(error.code ?? "socket error"));
    this.socket.on("end", () => {
      // clamd closes after its answer; closing before the end of the file means it gave up (size limit).
      if (!this.finished) this.fail("closed early");
    });
    this.socket.write("zINSTREAM\0");
  }

  get failed(): boolean {
    return this.problem !== null;
  }

  /** Sends a piece of the file, waiting (at most the time limit) while clamd is behind. */
  async write(chunk: Buffer): Promise<void> {
    for (let offset = 0; offset < chunk.length && !this.failed; offset += MAX_CHUNK) {
      const piece = chunk.subarray(offset, offset + MAX_CHUNK);
      const length = Buffer.alloc(4);
      length.writeUInt32BE(piece.length);
      this.socket.write(length);
      if (!this.socket.write(piece)) await this.drained();
    }
  }

  /** Ends the file and waits for clamd's answer. */
  async finish(): Promise<ScanVerdict> {
    if (!this.failed) {
      this.finished = true;
      this.socket.setTimeout(this.timeoutMs);
      this.socket.end(Buffer.alloc(4));
      await this.closed;
    }
    this.socket.destroy();
    if (this.problem) return { status: "unavailable", reason: this.problem };
    const answer = this.reply.replace(/\0+$/, "").trim();
    if (answer === "stream: OK") return { status: "clean" };
    const found = /^stream: (.+) FOUND$/.exec(answer);
    if (found) return { status: "infected", signature: found[1]! };
    return { status: "unavailable", reason: "unexpected answer" };
  }

  /** Stops without an answer (the upload was refused or broke off). */
  abort(): void {
    this.finished = true;
    this.socket.destroy();
  }

  private fail(reason: string): void {
    this.problem ??= reason;
    this.socket.destroy();
  }

  private drained(): Promise<void> {
    this.waiting = true;
    this.socket.setTimeout(this.timeoutMs);
    return new Promise((resolve) => {
      const done = () => {
        this.waiting = false;
        if (!this.socket.connecting && !this.finished) this.socket.setTimeout(0);
        this.socket.off("drain", done);
        this.socket.off("close", done);
        resolve();
      };
      this.socket.once("drain", done);
      this.socket.once("close", done);
    });
  }
}

export type ClamdVersion = { engine: string; signatures: number | null; databaseDate: Date | null };

/**
 * clamd's VERSION answer, e.g. "ClamAV 1.4.3/27790/Tue Oct 14 08:09:52 2025": the engine, the
 * signature database's version and date (absent when clamd runs on our own small database only).
 */
export function clamdVersion(address: ClamdAddress, timeoutMs: number): Promise<ClamdVersion> {
  return new Promise((resolve, reject) => {
    const socket = "path" in address ? net.connect({ path: address.path }) : net.connect({ host: address.host, port: address.port });
    let reply = "";
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error("timed out")));
    socket.on("data", (data: Buffer) => (reply += data.toString("latin1")));
    socket.on("error", reject);
    socket.on("close", () => {
      const [engine, version, date] = reply.replace(/\0+$/, "").trim().split("/");
      if (!engine?.startsWith("ClamAV")) return reject(new Error("unexpected answer"));
      const when = date ? new Date(date) : null;
      resolve({ engine, signatures: version ? Number(version) : null, databaseDate: when && !Number.isNaN(when.getTime()) ? when : null });
    });
    socket.end("zVERSION\0");
  });
}
