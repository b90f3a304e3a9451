import { describe, expect, it } from "vitest";
import { keptPostKey, open, seal } from "@/lib/kept-posts/cipher";

const key = keptPostKey("a-secret-of-at-least-thirty-two-characters!");

describe("the kept posts' cipher", () => {
  it("opens what it sealed, with the same key and bindings", () => {
    const sealed = seal(key, "what was typed", "binding");
    expect(sealed.ciphertext).not.toContain("what was typed");
    expect(open(key, sealed, "binding")).toBe("what was typed");
  });

  it("opens nothing under other bindings, another secret, or with any byte changed", () => {
    const sealed = seal(key, "what was typed", "binding");
    expect(open(key, sealed, "other binding")).toBeNull();
    expect(open(keptPostKey("another-secret-of-at-least-thirty-two-chars"), sealed, "binding")).toBeNull();
    const bytes = Buffer.from(sealed.ciphertext, "base64");
    bytes[0] = bytes[0]! ^ 1;
    expect(open(key, { ...sealed, ciphertext: bytes.toString("base64") }, "binding")).toBeNull();
  });

  it("never seals the same text to the same bytes twice (a fresh nonce each time)", () => {
    expect(seal(key, "same", "b").ciphertext).not.toBe(seal(key, "same", "b").ciphertext);
  });
});
