import { describe, expect, it } from "vitest";
import { formatBytes } from "@/lib/format/bytes";

describe("formatBytes: one rule for every size the portal writes, rounding down", () => {
  it("counts bytes below a kilobyte", () => {
    expect(formatBytes(0)).toBe("0 bytes");
    expect(formatBytes(1)).toBe("1 byte");
    expect(formatBytes(68)).toBe("68 bytes");
    expect(formatBytes(1023)).toBe("1023 bytes");
  });

  it("writes whole kilobytes, rounded down (1,536 bytes is 1 KB, not 2)", () => {
    expect(formatBytes(1024)).toBe("1 KB");
    expect(formatBytes(1536)).toBe("1 KB");
    expect(formatBytes(1024 * 1024 - 1)).toBe("1023 KB");
  });

  it("writes megabytes to one decimal, rounded down, and whole megabytes whole", () => {
    expect(formatBytes(1024 * 1024)).toBe("1 MB");
    expect(formatBytes(2.56 * 1024 * 1024)).toBe("2.5 MB");
    expect(formatBytes(2.99 * 1024 * 1024)).toBe("2.9 MB");
    expect(formatBytes(10 * 1024 * 1024)).toBe("10 MB");
  });
});
