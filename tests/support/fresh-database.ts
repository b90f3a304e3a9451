/**
 * A database of a test file's own, made in the integration run's PostgreSQL: for tests that
 * migrate, seed or run workers from nothing, so the other files' data never meets them.
 */
import { randomUUID } from "node:crypto";
import postgres from "postgres";

export type FreshDatabase = { name: string; url: string; create: () => Promise<void>; drop: () => Promise<void> };

export function freshDatabase(label: string): FreshDatabase {
  const name = `${label}_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const serverUrl = new URL(process.env.DATABASE_URL!);
  const url = Object.assign(new URL(serverUrl.href), { pathname: `/${name}` }).href;
  const admin = postgres(serverUrl.href, { max: 1, onnotice: () => {} });
  return {
    name,
    url,
    create: async () => void (await admin.unsafe(`create database ${name}`)),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
