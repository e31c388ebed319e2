// The one stress-scenario registry. Shocks name factors from the factor registry;
// each shockable factor moves one of the eight stress proxies.
import type { FactorKey, StressProxy } from "@/lib/factors/registry";

/** Factors a scenario may shock directly, with the proxy each one moves. IR moves TLT by −D·Δy. */
export const SHOCK_PROXY = {
  MARKET: "SPY",
  VALUE: "VTV",
  GROWTH: "VUG",
  MOMENTUM: "MTUM",
  QUALITY: "QUAL",
  SIZE: "IWM",
  LOW_VOL: "USMV",
  IR: "TLT",
} as const satisfies Partial<Record<FactorKey, StressProxy>>;

export type ShockableFactor = keyof typeof SHOCK_PROXY;
export const SHOCKABLE_FACTORS = Object.keys(SHOCK_PROXY) as ShockableFactor[];

/** Default modified duration of TLT used to turn a yield change into a TLT return. */
export const DEFAULT_TLT_DURATION = 17;

export type ScenarioCategory = "market" | "rates" | "style" | "historical";

/**
 * Shocks as returns (0.10 = +10 %) of factor proxies, except `rateBp`: a change of yield in basis
 * points, turned into a TLT return of −D × Δy. A `replay` scenario takes its shocks from the proxies'
 * actual returns between two dates of the price history.
 */
export type ScenarioShocks =
  | { kind: "fixed"; factors: Partial<Record<Exclude<ShockableFactor, "IR">, number>>; rateBp?: number }
  | { kind: "replay"; from: string; to: string };

export interface ScenarioDefinition {
  key: string;
  name: string;
  category: ScenarioCategory;
  description: string;
  shocks: ScenarioShocks;
}

const fixed = (
  key: string,
  name: string,
  category: ScenarioCategory,
  description: string,
  factors: Partial<Record<Exclude<ShockableFactor, "IR">, number>>,
  rateBp?: number,
): ScenarioDefinition => ({ key, name, category, description, shocks: { kind: "fixed", factors, ...(rateBp === undefined ? {} : { rateBp }) } });

const rate = (bp: number): ScenarioDefinition =>
  fixed(`RATES_${bp > 0 ? "UP" : "DOWN"}_${Math.abs(bp)}BP`, `Rates ${bp > 0 ? "+" : "−"}${Math.abs(bp)} bp`, "rates", `Yields ${bp > 0 ? "rise" : "fall"} by ${Math.abs(bp)} basis points`, {}, bp);

export const SCENARIOS = [
  fixed("MARKET_UP_5", "Market +5 %", "market", "Broad market rises 5 %", { MARKET: 0.05 }),
  fixed("MARKET_DOWN_5", "Market −5 %", "market", "Broad market falls 5 %", { MARKET: -0.05 }),
  fixed("MARKET_UP_10", "Market +10 %", "market", "Broad market rises 10 %", { MARKET: 0.1 }),
  fixed("MARKET_DOWN_10", "Market −10 %", "market", "Broad market falls 10 %", { MARKET: -0.1 }),
  fixed("MARKET_CRASH", "Market crash −35 %", "market", "Equity crash of 35 %", { MARKET: -0.35 }),
  fixed("MARKET_RALLY", "Market rally +25 %", "market", "Equity rally of 25 %", { MARKET: 0.25 }),
  rate(25),
  rate(-25),
  rate(50),
  rate(-50),
  rate(100),
  rate(-100),
  rate(300),
  fixed("VALUE_ROTATION", "Value rotation", "style", "Value +20 %, Growth −10 %", { VALUE: 0.2, GROWTH: -0.1 }),
  fixed("GROWTH_RALLY", "Growth rally", "style", "Growth +15 %, Momentum +10 %", { GROWTH: 0.15, MOMENTUM: 0.1 }),
  fixed("SMALL_CAP_OUTPERFORMANCE", "Small-cap outperformance", "style", "Size +10 %", { SIZE: 0.1 }),
  fixed("FLIGHT_TO_QUALITY", "Flight to quality", "style", "Quality +12 %, Market −5 %", { QUALITY: 0.12, MARKET: -0.05 }),
  fixed("VOLATILITY_SPIKE", "Volatility spike", "market", "Low Vol −25 %, Market −15 %", { LOW_VOL: -0.25, MARKET: -0.15 }),
  fixed("LIQUIDITY_CRISIS", "Liquidity crisis", "market", "Market −20 %, Low Vol −30 %, Quality +15 %, Size −10 %", {
    MARKET: -0.2,
    LOW_VOL: -0.3,
    QUALITY: 0.15,
    SIZE: -0.1,
  }),
  fixed("GFC_2008", "2008 financial crisis", "historical", "Market −45 %, Value −30 %, Size −25 %, Quality +20 %, Low Vol −35 %", {
    MARKET: -0.45,
    VALUE: -0.3,
    SIZE: -0.25,
    QUALITY: 0.2,
    LOW_VOL: -0.35,
  }),
  fixed("DOTCOM_2000", "2000–02 dot-com bust", "historical", "Market −45 %, Growth −60 %, Value +20 %, Momentum −50 %, Quality +15 %", {
    MARKET: -0.45,
    GROWTH: -0.6,
    VALUE: 0.2,
    MOMENTUM: -0.5,
    QUALITY: 0.15,
  }),
  {
    key: "COVID_2020",
    name: "COVID crash replay",
    category: "historical",
    description: "Factor proxies' actual returns from 2020-02-19 to 2020-03-23",
    shocks: { kind: "replay", from: "2020-02-19", to: "2020-03-23" },
  },
] as const satisfies readonly ScenarioDefinition[];

export type BuiltInScenarioKey = (typeof SCENARIOS)[number]["key"];

export const SCENARIO_BY_KEY: ReadonlyMap<string, ScenarioDefinition> = new Map(SCENARIOS.map((s) => [s.key, s]));

export function scenarioOrThrow(key: string): ScenarioDefinition {
  const s = SCENARIO_BY_KEY.get(key);
  if (!s) throw new Error(`Unknown stress scenario "${key}": not in the scenario registry`);
  return s;
}
