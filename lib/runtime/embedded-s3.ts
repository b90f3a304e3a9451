/** An S3-compatible server (s3rver) on loopback, objects kept in a folder between runs. */
import S3rver from "s3rver";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { findFreePort } from "./free-port";
import type { RunningService } from "./embedded-postgres";

/** s3rver accepts only its own fixed key pair. */
export const EMBEDDED_S3_KEY = "S3RVER";

export async function startEmbeddedS3(dataDir: string, bucket: string): Promise<RunningService> {
  const directory = path.resolve(dataDir);
  mkdirSync(directory, { recursive: true });
  const port = await findFreePort();
  const server = new S3rver({
    address: "127.0.0.1",
    port,
    directory,
    silent: true,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  await server.run();
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => server.close(),
  };
}
