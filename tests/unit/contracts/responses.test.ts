// The response schemas accept what the DAL answers (samples shaped like the integration tests'
// expectations) and refuse a renamed key.
import { describe, expect, it } from "vitest";
import { runPageResponse } from "@/lib/contracts/admin-runs";
import { factorsResponse, overviewResponse, varResponse } from "@/lib/contracts/analytics";
import { positionListResponse } from "@/lib/contracts/positions";
import { FACTOR_KEYS, FACTOR_LIST } from "@/lib/factors/registry";

const envelope = { portfolioId: "pf-1", available: true, asOfDate: "2025-06-30" } as const;

const samples = {
  factors: {
    ...envelope,
    factors: FACTOR_LIST.map((f) => ({
      factor: f.key,
      displayName: f.displayName,
      kind: f.kind,
      beta: f.key === "MARKET" ? 1.05 : null,
      dollars: f.key === "MARKET" ? 509_000 : null,
      coverage: 1,
      lowCoverage: false,
      rSquared: 0.9,
      missing: f.key === "MARKET" ? null : { reason: "NOT_COMPUTED", detail: "not stored" },
    })),
    positions: [
      {
        positionId: "pos-1",
        symbol: "AAPL",
        riskSymbol: "AAPL",
        investmentClass: "PUBLIC",
        exposure: 48_000,
        weight: 0.1,
        betas: Object.fromEntries(FACTOR_KEYS.map((k) => [k, k === "MARKET" ? 1.2 : null])),
      },
    ],
  },
  var: {
    ...envelope,
    nav: 485_000,
    rows: [
      { method: "historical", confidence: 0.95, var: 7_000, varPct: 0.0144, es: 9_000, esPct: 0.0186 },
      { method: "parametric", confidence: 0.99, var: null, varPct: null, es: null, esPct: null },
    ],
  },
  unavailable: { portfolioId: "pf-1", available: false, asOfDate: null, reason: "NOT_COMPUTED", detail: "the daily batch has not completed a snapshot of this portfolio yet" },
  positions: {
    portfolioId: "pf-1",
    asOfDate: null,
    available: false,
    reason: "NOT_COMPUTED",
    detail: "no snapshot yet",
    positions: [
      {
        id: "pos-1",
        symbol: "AAPL",
        name: null,
        riskSymbol: "AAPL",
        quantity: 100,
        entryPrice: 150,
        entryDate: "2024-01-02",
        exitPrice: null,
        exitDate: null,
        positionType: "LONG",
        investmentClass: "PUBLIC",
        subtype: "STOCK",
        underlying: null,
        strike: null,
        expiry: null,
        multiplier: 1,
        lastMark: null,
        valuation: null,
        greeks: null,
      },
    ],
  },
  runs: {
    runs: [
      {
        id: "run-1",
        asOfDate: "2025-06-30",
        trigger: "ADMIN",
        triggeredBy: { id: "u-1", name: "Admin", email: "admin@riskline.dev" },
        scope: { all: true, portfolios: [] },
        force: null,
        status: "SUCCEEDED",
        executor: "local",
        counts: { portfolios: 5 },
        errorMessage: null,
        errorStack: null,
        startedAt: "2025-06-30T22:00:00.000Z",
        heartbeatAt: "2025-06-30T22:01:00.000Z",
        finishedAt: "2025-06-30T22:01:30.000Z",
        durationMs: 90_000,
      },
    ],
    nextCursor: null,
  },
};

/** A copy of `obj` with its key `from` renamed to `to` (at the top level). */
const rename = (obj: object, from: string, to: string) => Object.fromEntries(Object.entries(obj).map(([k, v]) => [k === from ? to : k, v]));

describe("response schemas", () => {
  it("accept the answers the DAL builds", () => {
    expect(factorsResponse.safeParse(samples.factors).success).toBe(true);
    expect(varResponse.safeParse(samples.var).success).toBe(true);
    expect(overviewResponse.safeParse(samples.unavailable).success).toBe(true);
    expect(positionListResponse.safeParse(samples.positions).success).toBe(true);
    expect(runPageResponse.safeParse(samples.runs).success).toBe(true);
  });

  it("refuse a renamed key, naming where", () => {
    const renamed = factorsResponse.safeParse(rename(samples.factors, "factors", "exposures"));
    expect(renamed.success).toBe(false);
    expect(renamed.error?.issues[0]?.path).toEqual(["factors"]);

    const row = { ...samples.var, rows: [rename(samples.var.rows[0]!, "varPct", "var_pct")] };
    const nested = varResponse.safeParse(row);
    expect(nested.success).toBe(false);
    expect(nested.error?.issues[0]?.path).toEqual(["rows", 0, "varPct"]);

    expect(overviewResponse.safeParse(rename(samples.unavailable, "reason", "code")).success).toBe(false);
    expect(runPageResponse.safeParse({ ...samples.runs, runs: [rename(samples.runs.runs[0]!, "status", "state")] }).success).toBe(false);
  });

  it("refuse a value outside an enum the pages switch on", () => {
    expect(varResponse.safeParse({ ...samples.var, rows: [{ ...samples.var.rows[0]!, confidence: 0.9 }] }).success).toBe(false);
    expect(runPageResponse.safeParse({ ...samples.runs, runs: [{ ...samples.runs.runs[0]!, status: "DONE" }] }).success).toBe(false);
  });
});
