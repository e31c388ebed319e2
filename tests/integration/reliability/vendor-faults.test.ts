// The market data vendor misbehaves (README, "Market data"): a timeout, a 500, a 429, a symbol left out, a body
// that is not its format. The batch runs through a local fake of FMP after the last two days' prices
// were deleted, so it must fetch them: the run goes on for everything else, records exactly which
// symbol failed and why, stores the affected portfolio's days provisional (valued on the symbol's last
// close, the symbol listed; the book's result partial with STALE_PRICES, never a success), and a rerun
// against a healthy vendor recomputes them to the NAVs of a clean run.
import { describe, expect, it } from "vitest";
import { runLocalBatch } from "@/lib/batch/local-executor";
import { getPool } from "@/lib/db/pool";
import type { SymbolErrorCode } from "@/lib/market-data/provider";
import type { Fault } from "./fake-fmp";
import { AS_OF, duplicateResultRows, lastDays, navsFrom, phasesOf, PORTFOLIO_IDS, snapshotStatuses, staleSymbolsFrom, setUpFakeVendor } from "./reliability-helpers";

const [FROM] = lastDays(2) as [string, string];
const db = () => getPool();
const vendor = setUpFakeVendor(FROM);

/** The vendor must deliver the last two days: their prices are gone. */
async function forgetLastPrices(): Promise<void> {
  await db().query(`DELETE FROM prices WHERE date >= $1`, [FROM]);
}

const CASES: { fault: Fault; symbol: string; owner: string; code: SymbolErrorCode; message: RegExp }[] = [
  { fault: "timeout", symbol: "KO", owner: "demo-individual", code: "TIMEOUT", message: /did not answer within 1000 ms.*2 attempts/ },
  { fault: "error500", symbol: "XOM", owner: "demo-hnw", code: "VENDOR_ERROR", message: /answered 500.*2 attempts/ },
  { fault: "rateLimited", symbol: "SHOP", owner: "demo-fo-growth", code: "RATE_LIMITED", message: /429.*2 attempts/ },
  { fault: "omitted", symbol: "GS", owner: "demo-hedgefund", code: "UNKNOWN_SYMBOL", message: /no prices for GS/ },
  { fault: "malformed", symbol: "PEP", owner: "demo-individual", code: "MALFORMED", message: /adjClose "\d/ },
  { fault: "invalidJson", symbol: "CVX", owner: "demo-hnw", code: "MALFORMED", message: /invalid JSON/ },
];

describe.each(CASES)("vendor fault $fault on $symbol", ({ fault, symbol, owner, code, message }) => {
  it(`records ${symbol} as failed with ${code}, completes every other portfolio, and a rerun with a healthy vendor heals ${owner}`, async () => {
    await forgetLastPrices();
    vendor.fmp.faults.clear();
    vendor.fmp.faults.set(symbol, fault);
    vendor.fmp.requested.clear();
    const run = await runLocalBatch({ trigger: "ADMIN", asOfDate: AS_OF, portfolioIds: PORTFOLIO_IDS, force: { from: FROM, to: AS_OF } }, { provider: vendor.fmp.provider() });

    // Exactly what failed, in the MARKET_DATA telemetry.
    const [md] = await phasesOf(run.runId, "phase = 'MARKET_DATA'");
    expect(md).toMatchObject({ status: "SUCCEEDED", counts: { symbolsFailed: 1, symbolsStale: 1 } });
    expect(md!.details!.failedSymbols).toEqual([{ symbol, code, message: expect.stringMatching(message) }]);
    expect(md!.details!.staleSymbols).toEqual([symbol]);
    expect(JSON.stringify(md!.details)).not.toContain("fake-key");
    // Every other symbol was fetched and stored.
    const { rows: stored } = await db().query<{ n: string }>(`SELECT count(*)::text AS n FROM prices WHERE date = $1`, [AS_OF]);
    expect(Number(stored[0]!.n)).toBe(md!.counts!.symbolsNeeded! - 1);
    expect(vendor.fmp.requested.size).toBe(md!.counts!.symbolsNeeded);

    // The run went on for everything else; the affected portfolio's days are provisional, its result partial.
    expect(run.status).toBe("PARTIAL");
    for (const p of run.portfolios) {
      if (p.portfolioId === owner) expect(p).toMatchObject({ status: "partial", reason: "STALE_PRICES", datesCompleted: 2, datesFailed: 0, provisionalDays: 2 });
      else expect(p).toMatchObject({ status: "succeeded", datesCompleted: 2 });
    }
    expect(await snapshotStatuses(owner, FROM)).toEqual(["COMPLETE", "COMPLETE"]);
    expect(await staleSymbolsFrom(owner, FROM)).toEqual([[symbol], [symbol]]);
    const afterFault = await navsFrom(FROM);
    for (const id of PORTFOLIO_IDS.filter((p) => p !== owner)) expect(afterFault[id]).toEqual(vendor.clean[id]);

    // A normal run against the healthy vendor picks up the unfinished days and fetches only what is missing.
    vendor.fmp.faults.clear();
    vendor.fmp.requested.clear();
    const heal = await runLocalBatch({ trigger: "CRON", asOfDate: AS_OF, portfolioIds: PORTFOLIO_IDS }, { provider: vendor.fmp.provider() });
    expect(heal.status).toBe("SUCCEEDED");
    expect([...vendor.fmp.requested]).toEqual([symbol]);
    expect(heal.portfolios.find((p) => p.portfolioId === owner)).toMatchObject({ status: "succeeded", datesCompleted: 2 });
    expect(await navsFrom(FROM)).toEqual(vendor.clean);
    expect(await duplicateResultRows()).toBe(0);
  });
});

describe("transient vendor errors", () => {
  it("a 503 answered once and then healed by the retry loses nothing: the run succeeds with the clean NAVs", async () => {
    await forgetLastPrices();
    vendor.fmp.faults.clear();
    vendor.fmp.faults.set("AAPL", "flaky500");
    const run = await runLocalBatch({ trigger: "ADMIN", asOfDate: AS_OF, portfolioIds: PORTFOLIO_IDS, force: { from: FROM, to: AS_OF } }, { provider: vendor.fmp.provider() });
    expect(run.status).toBe("SUCCEEDED");
    const [md] = await phasesOf(run.runId, "phase = 'MARKET_DATA'");
    expect(md!.details!.failedSymbols).toEqual([]);
    expect(await navsFrom(FROM)).toEqual(vendor.clean);
  });

  it("a vendor down for every symbol stops no portfolio that needs no prices, and the file provider heals the rest", async () => {
    await forgetLastPrices();
    const { rows } = await db().query<{ symbol: string }>(`SELECT DISTINCT symbol FROM prices`);
    vendor.fmp.faults.clear();
    for (const r of rows) vendor.fmp.faults.set(r.symbol, "error500");
    const run = await runLocalBatch({ trigger: "ADMIN", asOfDate: AS_OF, portfolioIds: PORTFOLIO_IDS, force: { from: FROM, to: AS_OF } }, { provider: vendor.fmp.provider() });
    expect(run.status).toBe("PARTIAL");
    const [md] = await phasesOf(run.runId, "phase = 'MARKET_DATA'");
    expect(md!.counts!.symbolsFailed).toBe(md!.counts!.symbolsNeeded);
    const byId = new Map(run.portfolios.map((p) => [p.portfolioId, p]));
    expect(byId.get("demo-fo-private")).toMatchObject({ status: "succeeded", datesCompleted: 2 });
    for (const id of PORTFOLIO_IDS.filter((p) => p !== "demo-fo-private")) {
      expect(byId.get(id)).toMatchObject({ status: "partial", reason: "STALE_PRICES", provisionalDays: 2 });
      // Valued on the last closes, every day provisional with its symbols listed, until the data arrives.
      expect(await snapshotStatuses(id, FROM)).toEqual(["COMPLETE", "COMPLETE"]);
      expect((await staleSymbolsFrom(id, FROM)).every((symbols) => symbols.length > 0)).toBe(true);
    }

    const heal = await runLocalBatch({ trigger: "CRON", asOfDate: AS_OF, portfolioIds: PORTFOLIO_IDS });
    expect(heal.status).toBe("SUCCEEDED");
    expect(await navsFrom(FROM)).toEqual(vendor.clean);
  });
});
