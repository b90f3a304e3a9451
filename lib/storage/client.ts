/**
 * The S3 client for the portal's storage. The SDK's defaults suit AWS S3 and the S3-compatible
 * services a council deploys; the embedded s3rver (development and tests) needs checksums off
 * unless an operation requires them, and gets that alone.
 */
import { S3Client } from "@aws-sdk/client-s3";

export type StorageSettings = {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
  /** The storage is the embedded s3rver the launcher started (S3_EMBEDDED=1). */
  isEmbedded: boolean;
};

export function createS3Client(settings: StorageSettings): S3Client {
  return new S3Client({
    endpoint: settings.endpoint,
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    // The SDK's default sends streamed bodies aws-chunked with trailing checksums, which s3rver
    // stores corrupted. Against it, checksums only when required; elsewhere the SDK's default,
    // so real storage checks every upload and download.
    ...(settings.isEmbedded && { requestChecksumCalculation: "WHEN_REQUIRED", responseChecksumValidation: "WHEN_REQUIRED" }),
  });
}
