/**
 * The endpoints' signing secrets at rest: AES-256-GCM under a key derived from AUTH_SECRET with
 * HKDF (SHA-256, a salt and label of its own, so the key serves nothing else). The team id is
 * the associated data, so a ciphertext copied onto another team's row does not open. Stored as
 * base64 of iv (12 bytes) | tag (16 bytes) | ciphertext.
 *
 * No `import "server-only"` here: the job worker (plain Node, `npm run worker`) opens secrets
 * too, and that package throws outside Next's server bundles. The admin module that the app
 * imports (endpoints.ts) carries the marker.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const SALT = "childrens-portal/delivery-endpoints";
const INFO = "webhook-secrets aes-256-gcm v1";

function keyOf(authSecret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret, SALT, INFO, 32));
}

export function sealSecret(authSecret: string, teamId: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyOf(authSecret), iv);
  cipher.setAAD(Buffer.from(teamId));
  const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64");
}

/** The secret, or null when the key (AUTH_SECRET changed), the team or any byte does not match. */
export function openSecret(authSecret: string, teamId: string, sealed: string): string | null {
  try {
    const bytes = Buffer.from(sealed, "base64");
    const decipher = createDecipheriv("aes-256-gcm", keyOf(authSecret), bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(teamId));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
