import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { clamdVersion, InstreamScan, parseClamdUrl, scannerFor, startScan } from "@/lib/scanning";
import { eicar, pdf, zip } from "@/tests/support/attachment-files";

// The real clamd the integration setup started (the embedded one, with the portal's EICAR signature).
const scanner = scannerFor(process.env.CLAMAV_URL);

async function scan(body: Buffer, target = scanner) {
  const session = startScan(target);
  for (let offset = 0; offset < body.length; offset += 1000) await session.write(body.subarray(offset, offset + 1000));
  return session.finish();
}

/** A TCP port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A server that takes the connection and the bytes, and never answers. */
const connections: net.Socket[] = [];
const silent = net.createServer({ allowHalfOpen: true }, (socket) => {
  connections.push(socket);
  socket.resume();
});
afterAll(async () => {
  for (const socket of connections) socket.destroy();
  if (silent.listening) await new Promise<void>((resolve) => silent.close(() => resolve()));
});

describe("clamd INSTREAM client", () => {
  it("is on in the tests: the setup started clamd and gave its address", () => {
    expect(scanner.enabled).toBe(true);
  });

  it("finds the EICAR test file, plain and inside a zip", async () => {
    expect(await scan(eicar())).toEqual({ status: "infected", signature: "Test.EICAR-Portal.UNOFFICIAL" });
    expect(await scan(zip([{ name: "readme.txt", data: eicar(), deflate: true }]))).toEqual({ status: "infected", signature: "Test.EICAR-Portal.UNOFFICIAL" });
  });

  it("says clean for a clean PDF, in one piece or many", async () => {
    expect(await scan(pdf(200_000))).toEqual({ status: "clean" });
    const session = new InstreamScan(parseClamdUrl(process.env.CLAMAV_URL!), 5_000);
    await session.write(pdf());
    expect(await session.finish()).toEqual({ status: "clean" });
  });

  it("is unavailable, never clean, when clamd is not there or does not answer in time", async () => {
    expect(await scan(pdf(), scannerFor(`tcp://127.0.0.1:${await closedPort()}`))).toMatchObject({ status: "unavailable" });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const started = Date.now();
    expect(await scan(pdf(), scannerFor(`tcp://127.0.0.1:${(silent.address() as net.AddressInfo).port}`, 300))).toEqual({ status: "unavailable", reason: "timed out" });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("reads clamd's version for the health check", async () => {
    const version = await clamdVersion(parseClamdUrl(process.env.CLAMAV_URL!), 5_000);
    expect(version.engine).toMatch(/^ClamAV \d+\.\d+/);
  });
});
