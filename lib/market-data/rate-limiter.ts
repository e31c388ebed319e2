// Token bucket shared by all requests of one provider: at most `burst` requests at once, refilled at
// `perSecond`. Tokens may go negative: each waiter reserves its slot, so concurrent callers queue
// fairly instead of all waking at the same instant.
import { setTimeout as timersSleep } from "node:timers/promises";

/** Waits `ms` (rejecting when `signal` aborts). Injectable so tests can run the waits on fake timers. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const realSleep: Sleep = (ms, signal) => timersSleep(ms, undefined, { signal });

export class RateLimiter {
  private tokens: number;
  private last = performance.now();
  private pausedUntil = 0;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number = Math.max(1, Math.floor(perSecond)),
    private readonly sleep: Sleep = realSleep,
  ) {
    if (!(perSecond > 0)) throw new Error(`requests per second must be > 0, got ${perSecond}`);
    if (!(burst >= 1)) throw new Error(`burst must be ≥ 1, got ${burst}`);
    this.tokens = burst;
  }

  /** Waits until a request may start. */
  async take(signal?: AbortSignal): Promise<void> {
    await this.waitOutPause(signal);
    const now = performance.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.perSecond) / 1000) - 1;
    this.last = now;
    if (this.tokens < 0) await this.sleep((-this.tokens * 1000) / this.perSecond, signal);
    // A pause that began while this request waited for its slot holds it back too.
    await this.waitOutPause(signal);
  }

  /** Sleeps until the pause ends, again if it was extended meanwhile (once per extension: the sleep may be a fake clock's). */
  private async waitOutPause(signal?: AbortSignal): Promise<void> {
    for (let waited = 0; this.pausedUntil > waited && this.pausedUntil > performance.now(); ) {
      waited = this.pausedUntil;
      await this.sleep(waited - performance.now(), signal);
    }
  }

  /** Holds every new request back for `ms` (the vendor's Retry-After, or its rate window after a bare 429). */
  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, performance.now() + ms);
  }
}
