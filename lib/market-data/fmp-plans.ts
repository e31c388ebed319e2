// FMP's plans and what they allow, in one place: the request limits each plan's preset sets
// (FMP_PLAN; FMP_REQUESTS_PER_MINUTE, FMP_BURST and FMP_CONCURRENCY override one), which symbols the
// free plan leaves out, and what to fix when the vendor refuses the account (README, "Market data").
import { STRESS_PROXIES } from "@/lib/factors/registry";
import type { AccountError } from "./provider";

export const FMP_PLANS = ["basic", "starter", "premium", "ultimate"] as const;
export type FmpPlan = (typeof FMP_PLANS)[number];

export interface FmpLimits {
  requestsPerMinute: number;
  /** Requests that may start at once after a quiet spell. */
  burst: number;
  /** Requests in flight at once. */
  concurrency: number;
}

/** Presets a little under each plan's published limit (Basic: 250 calls a day; Starter 300, Premium 750,
 * Ultimate 3,000 a minute), so the vendor's own count never sees more than the plan allows. */
export const FMP_PLAN_LIMITS: Readonly<Record<FmpPlan, FmpLimits & { label: string; published: string }>> = {
  basic: { label: "Basic (free)", published: "250 calls a day", requestsPerMinute: 60, burst: 1, concurrency: 1 },
  starter: { label: "Starter", published: "300 calls a minute", requestsPerMinute: 300, burst: 5, concurrency: 4 },
  premium: { label: "Premium", published: "750 calls a minute", requestsPerMinute: 750, burst: 10, concurrency: 6 },
  ultimate: { label: "Ultimate", published: "3,000 calls a minute", requestsPerMinute: 3000, burst: 25, concurrency: 8 },
};

export const DEFAULT_FMP_PLAN: FmpPlan = "starter";

/** The plan's preset with any explicit override. */
export function fmpLimits(plan: FmpPlan, overrides: Partial<FmpLimits> = {}): FmpLimits {
  const { requestsPerMinute, burst, concurrency } = FMP_PLAN_LIMITS[plan];
  return {
    requestsPerMinute: overrides.requestsPerMinute ?? requestsPerMinute,
    burst: overrides.burst ?? burst,
    concurrency: overrides.concurrency ?? concurrency,
  };
}

/** The factor and stress proxies (ETFs) FMP's free Basic plan does not serve: they need Starter or above. */
export const PAID_PLAN_PROXIES: readonly string[] = STRESS_PROXIES.filter((s) => s !== "SPY");

/** What the administrator must change after the vendor refused the account, in words. */
export function accountErrorAdvice(error: AccountError, needed: readonly string[]): string {
  if (error.code === "INVALID_KEY") {
    return (
      `FMP refused the API key (${error.message}). Set FMP_API_KEY to the key shown on your FMP dashboard ` +
      `(financialmodelingprep.com, "API keys"), then run the batch again. No prices were fetched; the run stopped at the first refusal.`
    );
  }
  const paid = needed.filter((s) => PAID_PLAN_PROXIES.includes(s));
  const proxies = PAID_PLAN_PROXIES.includes(error.symbol)
    ? `${error.symbol} is a factor proxy: ${PAID_PLAN_PROXIES.join(", ")} need FMP's Starter plan or above (the free Basic plan serves none of them)`
    : `${error.symbol} needs a higher FMP plan than this key's; the factor proxies ${PAID_PLAN_PROXIES.join(", ")} need Starter or above`;
  return (
    `FMP's plan for this key does not cover ${error.symbol} (${error.message}). ${proxies}. ` +
    `This run needs ${paid.length ? `${paid.join(", ")} (Starter or above)` : "no proxy beyond the free plan"}. ` +
    `Upgrade the plan on financialmodelingprep.com and set FMP_PLAN to it (now ${error.plan ?? DEFAULT_FMP_PLAN}), then run the batch again. The run stopped at the first refusal.`
  );
}
