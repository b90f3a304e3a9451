/**
 * File storage over the S3 API: put (streamed), get, delete, list by prefix and short-lived
 * download URLs. Keys are chosen by the callers (e.g. drafts/<draftId>/<fileId>); nothing
 * here decides who may read what.
 */
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  type S3Client,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import type { Readable } from "node:stream";
import { createS3Client, type StorageSettings } from "./client";

export type StoredObject = { key: string; size: number; lastModified?: Date };
export type PutOptions = { contentType?: string; metadata?: Record<string, string> };

export class Storage {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(settings: StorageSettings) {
    this.client = createS3Client(settings);
    this.bucket = settings.bucket;
  }

  /** Streams the body up in parts, so a large file is never held in memory whole. */
  async put(key: string, body: Readable | Buffer | Uint8Array | string, options: PutOptions = {}): Promise<void> {
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: body, ContentType: options.contentType, Metadata: options.metadata },
      queueSize: 2,
      partSize: 5 * 1024 * 1024,
    });
    await upload.done();
  }

  /** The object's body as a stream, or null when there is no such key. */
  async get(key: string): Promise<Readable | null> {
    try {
      const result = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return (result.Body as Readable | undefined) ?? null;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  /** A copy of an object under another key, made inside the storage service (nothing passes through here). */
  async copy(fromKey: string, toKey: string): Promise<void> {
    await this.client.send(new CopyObjectCommand({ Bucket: this.bucket, Key: toKey, CopySource: `${this.bucket}/${fromKey.split("/").map(encodeURIComponent).join("/")}` }));
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async list(prefix: string): Promise<StoredObject[]> {
    const found: StoredObject[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const item of page.Contents ?? []) {
        if (item.Key) found.push({ key: item.Key, size: item.Size ?? 0, lastModified: item.LastModified });
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return found;
  }

  /** A URL that downloads the object as an attachment, valid for a short time (default 60 s). */
  async downloadUrl(key: string, filename: string, expiresInSeconds = 60): Promise<string> {
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ResponseContentDisposition: `attachment; filename="${filename.replace(/[^\w.\- ]/g, "_")}"`,
    });
    return getSignedUrl(this.client, command, { expiresIn: expiresInSeconds });
  }

  /** Throws when the bucket cannot be reached; used by the health check. */
  async check(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
  }
}

function isNotFound(error: unknown): boolean {
  const name = (error as { name?: string }).name;
  return name === "NoSuchKey" || name === "NotFound";
}
