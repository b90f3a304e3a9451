/** The S3 client's checksum settings: s3rver's workaround for the embedded storage only. */
import { describe, expect, it } from "vitest";
import { createS3Client, type StorageSettings } from "@/lib/storage/client";
import { storageSettingsFrom } from "@/lib/storage";
import { readAppSettings } from "@/lib/config/env";

const settings: StorageSettings = {
  endpoint: "http://127.0.0.1:9",
  region: "eu-west-2",
  bucket: "childrens-portal",
  accessKeyId: "x",
  secretAccessKey: "y",
  forcePathStyle: true,
  isEmbedded: false,
};

async function checksumsOf(client: ReturnType<typeof createS3Client>) {
  return { request: await client.config.requestChecksumCalculation(), response: await client.config.responseChecksumValidation() };
}

describe("the S3 client", () => {
  it("computes and checks checksums whenever supported against real storage (the SDK's default)", async () => {
    expect(await checksumsOf(createS3Client(settings))).toEqual({ request: "WHEN_SUPPORTED", response: "WHEN_SUPPORTED" });
  });

  it("only when required against the embedded s3rver", async () => {
    expect(await checksumsOf(createS3Client({ ...settings, isEmbedded: true }))).toEqual({ request: "WHEN_REQUIRED", response: "WHEN_REQUIRED" });
  });

  it("knows the storage is embedded from S3_EMBEDDED=1, which the launcher sets", () => {
    const app = {
      APP_URL: "http://localhost:3000",
      DATABASE_URL: "postgres://portal@127.0.0.1:5432/portal",
      S3_ENDPOINT: "http://127.0.0.1:4568",
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
      SMTP_URL: "smtp://127.0.0.1:2525",
      MAIL_FROM: "children@portal.localhost",
      AUTH_SECRET: "x".repeat(32),
    };
    expect(storageSettingsFrom(readAppSettings({ ...app, S3_EMBEDDED: "1" })).isEmbedded).toBe(true);
    expect(storageSettingsFrom(readAppSettings(app)).isEmbedded).toBe(false);
  });
});
