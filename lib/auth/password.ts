/** Passwords are stored only as Argon2id hashes. */
import { hash, verify } from "@node-rs/argon2";

export function hashPassword(password: string): Promise<string> {
  return hash(password, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

// Counted so a test can see that every sign-in answer (unknown address, locked account, wrong or
// right password) does the same hashing work; no timing is measured.
let verifications = 0;
export const passwordVerificationCount = () => verifications;

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  verifications += 1;
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}
