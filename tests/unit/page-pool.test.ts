import { describe, expect, it } from "vitest";
import { PagePool } from "@/lib/pdf/page-pool";

describe("PagePool", () => {
  it("lets at most `size` holders in, and the next in when one leaves", async () => {
    const pool = new PagePool(2);
    const first = await pool.acquire();
    await pool.acquire();
    let isThirdIn = false;
    const third = pool.acquire().then((release) => {
      isThirdIn = true;
      return release;
    });
    await Promise.resolve();
    expect(isThirdIn).toBe(false);
    first();
    first(); // releasing twice must not let two more in
    (await third)();
    expect(isThirdIn).toBe(true);
  });
});
