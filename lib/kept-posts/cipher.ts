/**
 * The kept posts' encryption: AES-256-GCM under a key derived from AUTH_SECRET with HKDF
 * (SHA-256, its own salt and label, so the key is used for nothing else). The associated data
 * names the row and everything it is bound to, so a ciphertext copied into another row (another
 * person, draft or browser) fails to open instead of being read as theirs.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

export type Sealed = { iv: string; tag: string; ciphertext: string };

const SALT = "childrens-portal/kept-posts";
const INFO = "kept-posts aes-256-gcm v1";

export function keptPostKey(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, SALT, INFO, 32));
}

export function seal(key: Buffer, plaintext: string, associatedData: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(associatedData));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return { iv: iv.toString("base64"), tag: cipher.getAuthTag().toString("base64"), ciphertext: ciphertext.toString("base64") };
}

/** The plaintext, or null when the key, the associated data or any byte is not what was sealed. */
export function open(key: Buffer, sealed: Sealed, associatedData: string): string | null {
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(sealed.iv, "base64"));
    decipher.setAAD(Buffer.from(associatedData));
    decipher.setAuthTag(Buffer.from(sealed.tag, "base64"));
    return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, "base64")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
