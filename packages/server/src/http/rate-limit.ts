/** A fixed-window counter in memory (one server process), keyed by username and by address. */
export class RateLimiter {
  readonly #hits = new Map<string, { count: number; resetAt: number }>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one attempt; false when the key is over its limit in the current window. */
  hit(key: string, now: number): boolean {
    const h = this.#hits.get(key);
    if (!h || h.resetAt <= now) {
      this.#hits.set(key, { count: 1, resetAt: now + this.windowMs });
      if (this.#hits.size > 10_000) this.#sweep(now);
      return true;
    }
    h.count++;
    return h.count <= this.limit;
  }

  /** True when the key has used up its attempts in the current window (does not count). */
  blocked(key: string, now: number): boolean {
    const h = this.#hits.get(key);
    return !!h && h.resetAt > now && h.count >= this.limit;
  }

  /** Gives back one attempt (a successful login does not use up the address's budget). */
  release(key: string): void {
    const h = this.#hits.get(key);
    if (h && h.count > 0) h.count--;
  }

  reset(key: string): void {
    this.#hits.delete(key);
  }

  #sweep(now: number) {
    for (const [k, v] of this.#hits) if (v.resetAt <= now) this.#hits.delete(k);
  }
}
