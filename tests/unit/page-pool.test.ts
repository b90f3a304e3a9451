import { describe, expect, it } from "vitest";
import { PagePool, type PoolEntry } from "@/lib/pdf/page-pool";

function admitted(entry: PoolEntry): Promise<() => void> {
  if (entry.status !== "admitted") throw new Error(`refused: ${entry.reason}`);
  return entry.turn;
}

describe("PagePool", () => {
  it("lets at most `size` holders in, and the next in when one leaves", async () => {
    const pool = new PagePool(2);
    const first = await admitted(pool.enter());
    await admitted(pool.enter());
    let isThirdIn = false;
    const third = admitted(pool.enter()).then((release) => {
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

  it("refuses a person's third render at once while another person still gets in", async () => {
    const pool = new PagePool(1, { perHolder: 2, maxWaiting: 20 });
    const first = pool.enter("amy");
    const second = pool.enter("amy");
    expect(first.status).toBe("admitted");
    expect(second.status).toBe("admitted");
    expect(pool.enter("amy")).toEqual({ status: "busy", reason: "person-busy" });
    const ben = pool.enter("ben");
    expect(ben.status).toBe("admitted");

    // Once one of Amy's renders is done she may ask again; the limit is at once, not in all.
    (await admitted(first))();
    expect(pool.enter("amy").status).toBe("admitted");
    (await admitted(second))();
    (await admitted(ben))();
  });

  it("a person's count is released once, however often their render is released", async () => {
    const pool = new PagePool(2, { perHolder: 1 });
    const release = await admitted(pool.enter("amy"));
    release();
    release();
    const again = await admitted(pool.enter("amy"));
    expect(pool.enter("amy")).toEqual({ status: "busy", reason: "person-busy" });
    again();
  });

  it("bounds the queue: beyond maxWaiting a request is refused instead of waiting", async () => {
    const pool = new PagePool(1, { perHolder: 2, maxWaiting: 2 });
    const drawing = await admitted(pool.enter("amy"));
    const waiters = [pool.enter("ben"), pool.enter("cat")];
    expect(waiters.map((entry) => entry.status)).toEqual(["admitted", "admitted"]);
    expect(pool.enter("dev")).toEqual({ status: "busy", reason: "queue-full" });
    expect(pool.enter()).toEqual({ status: "busy", reason: "queue-full" });

    // A page coming free moves the queue on, and makes room in it.
    drawing();
    const next = await admitted(waiters[0]!);
    expect(pool.enter("dev").status).toBe("admitted");
    next();
  });
});
