// Stress betas: one model for every scenario, so nothing is counted twice. Per symbol and
// date, a ridge regression (the style-ridge procedure, α = 1) of its last 90 returns on the returns of
// the eight stress proxies.
// Definition and reference test: docs/METHODOLOGY.md, "Stress betas".
import { STRESS_PROXIES, type StressProxy } from "@/lib/factors/registry";
import { lastIndexOnOrBefore, type PricePanel } from "./panel";
import { commonValidIndices, ReturnCache, windowBounds } from "./returns";
import { cappedRidgeBetas, ridgeFromMoments } from "./ridge";
import { RollingMoments } from "./stats/moments";
import type { MissingBetaReason } from "./symbol-betas";

export const STRESS_BETA_WINDOW = 90;
export const STRESS_BETA_MIN_OBS = 30;

export interface StressBetas {
  ok: true;
  symbol: string;
  /** Capped at ±BETA_CAP like every beta, in STRESS_PROXIES order. */
  betas: Readonly<Record<StressProxy, number>>;
  rawBetas: Readonly<Record<StressProxy, number>>;
  capped: Readonly<Record<StressProxy, boolean>>;
  rSquared: number;
  n: number;
}

export type StressBetaResult = StressBetas | { ok: false; symbol: string; reason: MissingBetaReason; n: number };

interface Prepared {
  valid: Int32Array;
  rolling: RollingMoments;
}

/** Caches returns and per-symbol rolling sums; reuse one engine for many symbols and dates. */
export class StressBetaEngine {
  private readonly prepared = new Map<string, Prepared | undefined>();
  private readonly proxyReturns: Float64Array[] | undefined;

  constructor(
    readonly panel: PricePanel,
    private readonly returns = new ReturnCache(panel),
  ) {
    const xs = STRESS_PROXIES.map((p) => returns.returns(p));
    this.proxyReturns = xs.some((x) => x === undefined) ? undefined : (xs as Float64Array[]);
  }

  private prepare(symbol: string): Prepared | undefined {
    if (!this.prepared.has(symbol)) {
      const y = this.returns.returns(symbol);
      let p: Prepared | undefined;
      if (y && this.proxyReturns) {
        const series = [...this.proxyReturns, y];
        const valid = commonValidIndices(series);
        p = { valid, rolling: new RollingMoments(series, valid) };
      }
      this.prepared.set(symbol, p);
    }
    return this.prepared.get(symbol);
  }

  betas(symbol: string, date: string): StressBetaResult {
    const p = this.prepare(symbol);
    if (!p) return { ok: false, symbol, reason: "MISSING_PRICES", n: 0 };
    const [lo, hi] = windowBounds(p.valid, lastIndexOnOrBefore(this.panel, date), STRESS_BETA_WINDOW);
    const n = hi - lo;
    if (n < STRESS_BETA_MIN_OBS) return { ok: false, symbol, reason: "INSUFFICIENT_HISTORY", n };
    p.rolling.moveTo(lo, hi);
    const fit = ridgeFromMoments(p.rolling.moments());
    const capped = cappedRidgeBetas(fit);
    const byProxy = <T>(f: (j: number) => T): Record<StressProxy, T> =>
      Object.fromEntries(STRESS_PROXIES.map((proxy, j) => [proxy, f(j)])) as Record<StressProxy, T>;
    return {
      ok: true,
      symbol,
      betas: byProxy((j) => capped[j]!.beta),
      rawBetas: byProxy((j) => capped[j]!.rawBeta),
      capped: byProxy((j) => capped[j]!.capped),
      rSquared: fit.rSquared,
      n,
    };
  }

  release(symbol: string): void {
    this.prepared.delete(symbol);
  }
}

export function computeStressBetas(panel: PricePanel, symbol: string, date: string): StressBetaResult {
  return new StressBetaEngine(panel).betas(symbol, date);
}
