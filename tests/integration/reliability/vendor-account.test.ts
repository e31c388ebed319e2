// The vendor refuses the account or throttles it (issue 19, items 3 and 4), through the local fake of
// FMP: a rate-limit storm (429 without Retry-After) is waited out by every worker together, and a bad
// key (401) or a plan that does not cover the factor proxies (402) fails MARKET_DATA once, at the first
// refusal, with a message that says what to fix; nothing is written, and a healthy vendor heals the run.
import { describe, expect, it } from "vitest";
import { runLocalBatch } from "@/lib/batch/local-executor";
import { getPool } from "@/lib/db/pool";
import { PAID_PLAN_PROXIES } from "@/lib/market-data/fmp-plans";
import { readPriceFile } from "@/lib/market-data/price-file";
import { AS_OF, navsFrom, phasesOf, PORTFOLIO_IDS, setUpFakeVendor } from "./reliability-helpers";

const db = () => getPool();
const vendor = setUpFakeVendor(AS_OF);

const priceRequests = () => vendor.fmp.log.filter((r) => r.path === "/stable/historical-price-eod/dividend-adjusted");

describe("a 429 storm without Retry-After", () => {
  it("holds every concurrent worker back for the configured window, then fetches everything", async () => {
    const symbols = [...new Set(readPriceFile().map((r) => r.symbol))].sort().slice(0, 12);
    vendor.fmp.log.length = 0;
    vendor.fmp.rateLimitStorm(150);
    const pauseMs = 400;
    const res = await vendor.fmp.provider({ concurrency: 4, maxRetries: 1, rateLimitPauseMs: pauseMs, timeoutMs: 5_000 }).fetchDailyCloses(symbols, "2026-07-06", AS_OF);
    expect(res.errors).toEqual([]);
    expect(new Set(res.prices.map((r) => r.symbol))).toEqual(new Set(symbols));
    const refused = priceRequests().filter((r) => r.status === 429);
    const answered = priceRequests().filter((r) => r.status === 200);
    // Only the requests already sent when the first 429 came back were refused: the first one goes
    // alone, so one; at most one per worker. No request went out during the vendor's window: every
    // answered one arrived at least the window after the first refused one.
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(refused.length).toBeLessThanOrEqual(4);
    expect(answered).toHaveLength(symbols.length);
    for (const r of answered) expect(r.at - refused[0]!.at).toBeGreaterThanOrEqual(pauseMs);
  });
});

describe("account-wide refusals fail MARKET_DATA once with what to fix", () => {
  async function runWithoutTheLastDay() {
    await db().query(`DELETE FROM prices WHERE date >= $1`, [AS_OF]);
    vendor.fmp.log.length = 0;
    return runLocalBatch({ trigger: "ADMIN", asOfDate: AS_OF, portfolioIds: PORTFOLIO_IDS, force: { from: AS_OF, to: AS_OF } }, { provider: vendor.fmp.provider() });
  }

  async function expectFailedOnce(runId: string): Promise<string> {
    const rows = await phasesOf(runId, "phase = 'MARKET_DATA'");
    expect(rows.map((r) => r.status)).toEqual(["FAILED"]);
    expect(rows[0]!.error_stack).toContain("VendorAccountError");
    // Nothing of the day was written, and no book computed from missing prices.
    const { rows: stored } = await db().query<{ n: number }>(`SELECT count(*)::int AS n FROM prices WHERE date = $1`, [AS_OF]);
    expect(stored[0]!.n).toBe(0);
    expect(await phasesOf(runId, "phase = 'VALUATION'")).toEqual([]);
    expect(rows[0]!.error_message).not.toContain("fake-key");
    return rows[0]!.error_message!;
  }

  async function expectHealed() {
    vendor.fmp.apiKey = "fake-key";
    vendor.fmp.plan = "starter";
    const heal = await runLocalBatch({ trigger: "CRON", asOfDate: AS_OF, portfolioIds: PORTFOLIO_IDS }, { provider: vendor.fmp.provider() });
    expect(heal.status).toBe("SUCCEEDED");
    expect(await navsFrom(AS_OF)).toEqual(vendor.clean);
  }

  it("a 401 (invalid key): one request, the run FAILED, the message says to fix FMP_API_KEY", async () => {
    vendor.fmp.apiKey = "the-key-the-vendor-knows";
    const run = await runWithoutTheLastDay();
    expect(run.status).toBe("FAILED");
    const message = await expectFailedOnce(run.runId);
    expect(message).toMatch(/^FMP refused the API key \(FMP answered 401: Invalid API KEY\..*\)\. Set FMP_API_KEY to the key shown on your FMP dashboard/);
    expect(priceRequests()).toHaveLength(1);
    await expectHealed();
  });

  it("a 402 (the free plan lacks the style proxies): stops at the first, names the proxies, the plan needed and FMP_PLAN", async () => {
    vendor.fmp.plan = "basic";
    const run = await runWithoutTheLastDay();
    expect(run.status).toBe("FAILED");
    const message = await expectFailedOnce(run.runId);
    const refused = priceRequests().filter((r) => r.status === 402);
    const first = refused[0]!.symbol;
    expect(PAID_PLAN_PROXIES).toContain(first);
    expect(message).toContain(`FMP's plan for this key does not cover ${first} (FMP answered 402: Premium Query Parameter`);
    expect(message).toContain(`${PAID_PLAN_PROXIES.join(", ")} need FMP's Starter plan or above`);
    expect(message).toContain(`This run needs ${[...PAID_PLAN_PROXIES].sort().join(", ")} (Starter or above).`);
    expect(message).toContain("set FMP_PLAN to it (now starter)");
    // Stopped: the requests already in flight finished, no new one started (8 workers).
    expect(refused.length).toBeLessThanOrEqual(8);
    const { rows } = await db().query<{ n: number }>(`SELECT count(DISTINCT symbol)::int AS n FROM prices`);
    expect(priceRequests().length).toBeLessThan(rows[0]!.n);
    await expectHealed();
  });
});
