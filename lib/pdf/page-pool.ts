/**
 * Admission to the browser's pages: a counting semaphore (at most `size` renders hold a page at
 * once) with two bounds that keep it fair when it is busy:
 *
 * - one holder (a person) may have at most `perHolder` renders in the pool, waiting or drawing,
 *   so nobody can fill the queue for everyone else;
 * - at most `maxWaiting` renders wait for a page, in all; beyond that a request is refused at
 *   once instead of joining an ever-longer wait.
 *
 * A refusal is decided synchronously when a render asks, so the count can never race past a
 * bound. The counts are this process's: with several web instances each keeps its own, so a
 * person's limit and the queue's are per instance.
 */
export type PoolRefusal = "person-busy" | "queue-full";

/** Admitted (the turn resolves to the release once a page is free), or refused. */
export type PoolEntry = { status: "admitted"; turn: Promise<() => void> } | { status: "busy"; reason: PoolRefusal };

export type PoolLimits = { perHolder?: number; maxWaiting?: number };

export class PagePool {
  private available: number;
  private readonly waiting: (() => void)[] = [];
  private readonly heldBy = new Map<string, number>();
  private readonly perHolder: number;
  private readonly maxWaiting: number;

  constructor(size: number, limits: PoolLimits = {}) {
    this.available = size;
    this.perHolder = limits.perHolder ?? Number.POSITIVE_INFINITY;
    this.maxWaiting = limits.maxWaiting ?? Number.POSITIVE_INFINITY;
  }

  /** Asks for a page for `holder` (renders without one are bound only by the queue). */
  enter(holder?: string): PoolEntry {
    const held = holder === undefined ? 0 : (this.heldBy.get(holder) ?? 0);
    if (held >= this.perHolder) return { status: "busy", reason: "person-busy" };
    if (this.available === 0 && this.waiting.length >= this.maxWaiting) return { status: "busy", reason: "queue-full" };
    if (holder !== undefined) this.heldBy.set(holder, held + 1);
    return { status: "admitted", turn: this.take(holder) };
  }

  private async take(holder: string | undefined): Promise<() => void> {
    if (this.available > 0) this.available -= 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (holder !== undefined) {
        const left = (this.heldBy.get(holder) ?? 1) - 1;
        if (left > 0) this.heldBy.set(holder, left);
        else this.heldBy.delete(holder);
      }
      const next = this.waiting.shift();
      if (next) next();
      else this.available += 1;
    };
  }
}
