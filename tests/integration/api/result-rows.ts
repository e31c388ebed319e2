// Result rows as the batch writes them, inserted directly so the API tests do not wait on the batch:
// one complete snapshot date of a portfolio with every section, and a skipped one for a private book.
import { toDbDate } from "@/lib/dates";
import { getPrisma } from "@/lib/db/prisma";
import { FACTOR_KEYS, STRESS_PROXIES } from "@/lib/factors/registry";
import type { StoredCorrelationExcluded, StoredSectorExposure, SnapshotReasons } from "@/lib/results/shapes";

export const EARLIER = "2026-07-09";
export const AS_OF = "2026-07-10";

export const sectorExposure: StoredSectorExposure = {
  buckets: [
    { sector: "Information Technology", gross: 1_500_000, net: 900_000, grossOfNav: 0.46, netOfNav: 0.28, positions: 6 },
    { sector: "Financials", gross: 450_000, net: 450_000, grossOfNav: 0.14, netOfNav: 0.14, positions: 2 },
  ],
  unclassified: { privateGross: 0, privateNet: 0, unknownGross: 0, unknownNet: 0, unknownSymbols: [] },
};

/** The fixture's correlation matrix as the API answers it (stored flat, row-major). */
export const correlation = {
  symbols: ["NVDA", "MSFT", "F"],
  rows: [
    [1, 0.62, -0.1],
    [0.62, 1, 0.05],
    [-0.1, 0.05, 1],
  ],
  weights: [0.12, 0.1, 0.08],
  from: "2026-02-27",
  to: AS_OF,
  excluded: [{ symbol: "PTON", reason: "INSUFFICIENT_HISTORY", detail: "weight below 1 %" }] satisfies StoredCorrelationExcluded,
};

const snapshotFigures = (date: string, nav: number) => ({
  portfolioId: "",
  date: toDbDate(date),
  status: "COMPLETE" as const,
  nav,
  pnlDay: 12_345.5,
  pnlCumulative: nav - 3_200_000,
  dailyReturn: 0.0038,
  realizedPnl: 0,
  capitalFlow: 0,
  longExposure: 3_400_000,
  shortExposure: -1_700_000,
  grossExposure: 5_100_000,
  netExposure: 1_700_000,
  cash: 1_550_000,
  privateValue: 0,
  numPositions: 30,
  numLong: 19,
  numShort: 11,
  vol21: 0.18,
  vol63: 0.21,
  volForecastHar: 0.19,
  volForecastEwma: 0.2,
  volPercentile: 0.42,
  volTrend: "rising",
  var95Hist: 51_000,
  var99Hist: 83_000,
  es95Hist: 70_000,
  es99Hist: 99_000,
  var95Param: 50_000,
  var99Param: 71_000,
  es95Param: 63_000,
  es99Param: 81_000,
  hhi: 612.5,
  effectivePositions: 16.33,
  top3Share: 0.24,
  top10Share: 0.61,
  sectorExposure,
});

/** The fixture's stress beta of the symbol of rank `s` (symbols of the book in order) on a proxy. */
export const stressBeta = (s: number, proxy: string) => (proxy === "SPY" ? 1 + s / 10 : 0.2);
/** The stored shock vector of every fixture scenario. */
export const stressShock = (proxy: string) => (proxy === "SPY" ? -0.1 : -0.02);

/** The fixture's symbols with stored betas: each position's risk symbol (an option's underlying), in order. */
export const fixtureSymbols = (positions: readonly { investmentClass: string; symbol: string; underlying: string | null }[]) => [
  ...new Set(positions.map((p) => (p.investmentClass === "OPTIONS" ? p.underlying! : p.symbol))),
];

/** Inserts two complete snapshot dates of `portfolioId` with every result section filled. */
export async function insertHedgeFundResults(portfolioId: string): Promise<void> {
  const prisma = getPrisma();
  const positions = await prisma.position.findMany({ where: { portfolioId }, orderBy: { symbol: "asc" } });
  for (const [date, nav] of [
    [EARLIER, 3_300_000],
    [AS_OF, 3_312_345.5],
  ] as const) {
    await prisma.snapshot.create({ data: { ...snapshotFigures(date, nav), portfolioId, vol21: date === AS_OF ? 0.18 : 0.17 } });
    await prisma.positionValuation.createMany({
      data: positions.map((p, i) => {
        const exposure = p.quantity * p.entryPrice * (p.investmentClass === "OPTIONS" ? 40 : 1);
        return { positionId: p.id, date: toDbDate(date), portfolioId, price: p.entryPrice + i, marketValue: p.quantity * p.entryPrice, exposure, weight: exposure / nav, pnlDay: i * 10, pnlTotal: i * 100 };
      }),
    });
  }
  const d = toDbDate(AS_OF);
  await prisma.portfolioFactorExposure.createMany({
    data: FACTOR_KEYS.map((factor, i) => ({ portfolioId, date: d, factor, beta: 0.1 * (i + 1), dollars: 331_234.55 * (i + 1), coverage: i === 1 ? 0.7 : 0.97, lowCoverage: i === 1, rSquared: 0.5 })),
  });
  const symbols = fixtureSymbols(positions);
  await prisma.symbolFactorBeta.createMany({
    data: symbols.flatMap((symbol, s) => FACTOR_KEYS.map((factor, f) => ({ symbol, date: d, factor, beta: s / 10 + f / 100, rawBeta: s / 10 + f / 100, capped: false, rSquared: 0.4, n: 90 }))),
    skipDuplicates: true,
  });
  // Stress betas: SPY's rises with the symbol's rank, every other proxy's is 0.2 (stressBeta above),
  // in place of those the template's demo batch stored for these symbols.
  await prisma.symbolStressBeta.deleteMany({ where: { symbol: { in: symbols }, date: d } });
  await prisma.symbolStressBeta.createMany({
    data: symbols.map((symbol, s) => ({ symbol, date: d, betas: STRESS_PROXIES.map((proxy) => stressBeta(s, proxy)), rSquared: 0.5, n: 90 })),
  });
  const option = positions.find((p) => p.investmentClass === "OPTIONS")!;
  await prisma.optionGreek.create({
    data: { positionId: option.id, date: d, portfolioId, underlyingPrice: 210, volatility: 0.3, timeToExpiry: 0.2, price: 8.5, delta: 0.55, gamma: 0.02, theta: -0.05, vega: 0.3 },
  });
  await prisma.correlationMatrix.create({
    data: {
      portfolioId,
      date: d,
      symbols: correlation.symbols,
      matrix: correlation.rows.flat(),
      weights: correlation.weights,
      windowFrom: toDbDate(correlation.from),
      windowTo: toDbDate(correlation.to),
      excluded: correlation.excluded,
      averageAbsCorrelation: 0.2567,
      effectiveBets: 2.1,
      n: correlation.symbols.length,
    },
  });
  const stress = (scenarioKey: string, directPnl: number, correlatedPnl: number) => ({
    portfolioId,
    date: d,
    scenarioKey,
    directPnl,
    correlatedPnl,
    directPct: directPnl / 3_312_345.5,
    correlatedPct: correlatedPnl / 3_312_345.5,
    newNav: 3_312_345.5 + correlatedPnl,
    exceedsNav: 3_312_345.5 + correlatedPnl < 0,
    shocks: STRESS_PROXIES.map(stressShock),
    shockGiven: STRESS_PROXIES.map((proxy) => proxy === "SPY"),
  });
  await prisma.stressResult.createMany({
    data: [stress("MARKET_DOWN_10", -170_000, -190_000), stress("MARKET_UP_5", 85_000, 90_000), stress("MARKET_CRASH", -3_400_000, -3_500_000)],
  });
}

export const privateReasons: SnapshotReasons = {
  factors: { reason: "NO_PUBLIC_POSITIONS", detail: "only private holdings" },
  volatility: { reason: "NO_PUBLIC_POSITIONS", detail: "only private holdings" },
  var: { reason: "NO_PUBLIC_POSITIONS", detail: "only private holdings" },
  correlations: { reason: "NO_PUBLIC_POSITIONS", detail: "only private holdings" },
  stress: { reason: "NO_PUBLIC_POSITIONS", detail: "only private holdings" },
};

/** A private-only portfolio's snapshot: NAV valued, every market section skipped with its reason. */
export async function insertPrivateSnapshot(portfolioId: string): Promise<void> {
  await getPrisma().snapshot.create({
    data: { portfolioId, date: toDbDate(AS_OF), status: "COMPLETE", nav: 1_000_000, pnlDay: 0, pnlCumulative: 50_000, reasons: privateReasons, hhi: 2500, effectivePositions: 4, top3Share: 0.8, top10Share: 1 },
  });
}

/**
 * A portfolio of its own for these tests, owned by `ownerId`, with copies of `copyFrom`'s positions:
 * the demo portfolios may carry the batch's results when other test files ran it.
 */
export async function createTestPortfolio(id: string, ownerId: string, copyFrom: string | null): Promise<void> {
  const prisma = getPrisma();
  await prisma.portfolio.create({ data: { id, name: `Test ${id}`, ownerId, startingEquity: 3_200_000, inceptionDate: toDbDate("2025-07-14") } });
  if (copyFrom === null) return;
  const positions = await prisma.position.findMany({ where: { portfolioId: copyFrom } });
  await prisma.position.createMany({ data: positions.map(({ id: _id, createdAt: _c, updatedAt: _u, ...p }) => ({ ...p, portfolioId: id })) });
}
