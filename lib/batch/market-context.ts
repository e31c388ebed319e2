// What every portfolio refresh of one run shares: the price panel and its returns, the symbol betas,
// and per date the factor covariance, the stress betas and each scenario's completed shocks (computed
// once, whichever portfolio asks first), plus the scenarios and the sector data.
import { batchSettings } from "@/lib/config/env";
import type { Queryable } from "@/lib/db/pool";
import type { IsoDate } from "@/lib/dates";
import { STRESS_PROXIES } from "@/lib/factors/registry";
import { buildPricePanel } from "@/lib/market-data/price-panel";
import type { PricePanel } from "@/lib/risk/panel";
import { loadPrices } from "@/lib/market-data/store-prices";
import { factorCovariance, type FactorCovarianceResult } from "@/lib/risk/factor-covariance";
import { ReturnCache } from "@/lib/risk/returns";
import type { SectorLookup } from "@/lib/risk/sector";
import { completeShocks, resolveScenario, type ProxyShock, type ScenarioShocks } from "@/lib/risk/stress";
import { StressBetaEngine, type StressBetaResult } from "@/lib/risk/stress-betas";
import { scenarioDefinitionSchema } from "@/lib/contracts/scenarios";
import type { ScenarioDefinition } from "@/lib/stress/scenarios";
import type { BetaStore } from "./beta-store";

export interface BatchConfig {
  riskFreeRate: number;
  tltDuration: number;
}

export interface MarketContext {
  panel: PricePanel;
  returns: ReturnCache;
  betas: BetaStore;
  sectors: SectorLookup;
  /** Built-in and shared scenarios: every book computes them. */
  scenarios: ScenarioShocks[];
  /** A manager's own scenarios, by owner id: only that manager's books compute them. */
  privateScenarios: ReadonlyMap<string, ScenarioShocks[]>;
  config: BatchConfig;
  /** The scenarios a book of this owner computes. */
  scenariosFor(ownerId: string): ScenarioShocks[];
  covarianceOn(date: IsoDate): FactorCovarianceResult;
  stressBetasOn(symbol: string, date: IsoDate): StressBetaResult;
  /** A scenario's shocks completed under the date's covariance (which must be available). */
  completedShocksOn(scenario: ScenarioShocks, date: IsoDate): readonly ProxyShock[];
}

type OwnedDefinition = { ownerId: string | null; def: ScenarioDefinition };

async function loadScenarios(db: Queryable): Promise<OwnedDefinition[]> {
  const { rows } = await db.query<{ key: string; name: string; category: string; description: string; shocks: unknown; owner_id: string | null }>(
    `SELECT key, name, category, description, shocks, owner_id FROM stress_scenarios ORDER BY built_in DESC, key`,
  );
  return rows.map((r) => {
    const parsed = scenarioDefinitionSchema.safeParse(r);
    if (!parsed.success) throw new Error(`Stress scenario ${r.key} is malformed: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    return { ownerId: r.owner_id, def: parsed.data };
  });
}

/** Replays read the proxies' closes on their two dates, which may lie far before the panel. */
async function resolveScenarios(db: Queryable, defs: readonly ScenarioDefinition[], tltDuration: number): Promise<ScenarioShocks[]> {
  const replayDates = [...new Set(defs.flatMap((d) => (d.shocks.kind === "replay" ? [d.shocks.from, d.shocks.to] : [])))].sort();
  let replayPanel: PricePanel | undefined;
  if (replayDates.length) {
    const rows = (await loadPrices(db, STRESS_PROXIES, replayDates[0]!, replayDates.at(-1)!)).filter((r) => replayDates.includes(r.date));
    replayPanel = buildPricePanel(rows, replayDates);
  }
  return defs.map((d) => resolveScenario(d, { panel: replayPanel, tltDuration }));
}

export async function loadSectorLookup(db: Queryable): Promise<SectorLookup> {
  const { rows } = await db.query<{ symbol: string; asset_type: "STOCK" | "ETF"; sector: string }>(`SELECT symbol, asset_type, sector FROM symbols`);
  return new Map(rows.map((r) => [r.symbol, { assetType: r.asset_type, sector: r.sector }]));
}

/** A market context over given parts: the per-date covariance and stress betas are computed once,
 * whichever portfolio asks first. `returns` defaults to a new cache over the panel. */
export function marketContext(parts: {
  panel: PricePanel;
  returns?: ReturnCache;
  betas: BetaStore;
  sectors: SectorLookup;
  scenarios: ScenarioShocks[];
  privateScenarios?: ReadonlyMap<string, ScenarioShocks[]>;
  config: BatchConfig;
}): MarketContext {
  const { panel, betas, sectors, scenarios, config } = parts;
  const privateScenarios = parts.privateScenarios ?? new Map<string, ScenarioShocks[]>();
  const returns = parts.returns ?? new ReturnCache(panel);
  const stressEngine = new StressBetaEngine(panel, returns);
  const covariances = new Map<IsoDate, FactorCovarianceResult>();
  const stressBetas = new Map<string, StressBetaResult>();
  const completed = new Map<string, readonly ProxyShock[]>();
  const covarianceOn = (date: IsoDate): FactorCovarianceResult => {
    let c = covariances.get(date);
    if (!c) covariances.set(date, (c = factorCovariance(panel, date, { returns })));
    return c;
  };
  return {
    panel,
    returns,
    betas,
    sectors,
    scenarios,
    privateScenarios,
    config,
    scenariosFor: (ownerId) => [...scenarios, ...(privateScenarios.get(ownerId) ?? [])],
    covarianceOn,
    stressBetasOn(symbol, date) {
      const key = `${symbol}|${date}`;
      let b = stressBetas.get(key);
      if (!b) stressBetas.set(key, (b = stressEngine.betas(symbol, date)));
      return b;
    },
    completedShocksOn(scenario, date) {
      // Keyed by the resolved shocks too: a run holds one definition per key, but a test may build two.
      const key = `${scenario.scenarioKey}|${date}|${JSON.stringify(scenario.proxyShocks)}`;
      let c = completed.get(key);
      if (!c) {
        const cov = covarianceOn(date);
        if (!cov.ok) throw new Error(`completing ${scenario.scenarioKey} on ${date}: the factor covariance is not available (${cov.reason})`);
        completed.set(key, (c = completeShocks(scenario.proxyShocks, cov)));
      }
      return c;
    },
  };
}

/** The run's market context: its scenarios (replays resolved) and sectors read from the database, the
 * rate and duration from the configuration. */
export async function createMarketContext(db: Queryable, panel: PricePanel, betas: BetaStore): Promise<MarketContext> {
  const config: BatchConfig = batchSettings();
  const [owned, sectors] = await Promise.all([loadScenarios(db), loadSectorLookup(db)]);
  const resolved = await resolveScenarios(db, owned.map((o) => o.def), config.tltDuration);
  const scenarios: ScenarioShocks[] = [];
  const privateScenarios = new Map<string, ScenarioShocks[]>();
  owned.forEach(({ ownerId }, i) => {
    if (ownerId === null) scenarios.push(resolved[i]!);
    else privateScenarios.set(ownerId, [...(privateScenarios.get(ownerId) ?? []), resolved[i]!]);
  });
  return marketContext({ panel, betas, sectors, scenarios, privateScenarios, config });
}
