// The one canonical factor registry: the twelve factors, their proxies and windows. The database
// enum, the batch, the stress engine, the API and the UI all read it; a key outside FACTOR_KEYS fails the compiler or `factorOrThrow`.

export const FACTOR_KEYS = [
  "MARKET",
  "IR",
  "VALUE",
  "GROWTH",
  "MOMENTUM",
  "QUALITY",
  "SIZE",
  "LOW_VOL",
  "GROWTH_VALUE",
  "MOMENTUM_SPREAD",
  "SIZE_SPREAD",
  "QUALITY_SPREAD",
] as const;

export type FactorKey = (typeof FACTOR_KEYS)[number];

export type FactorKind = "market" | "macro" | "style" | "spread";
export type FactorMethod = "ols" | "ridge";

/** A proxy is a symbol, or the long-minus-short return of two symbols (spread factors). */
export type FactorProxy = { symbol: string } | { long: string; short: string };

export interface FactorDefinition {
  key: FactorKey;
  displayName: string;
  kind: FactorKind;
  method: FactorMethod;
  proxy: FactorProxy;
  /** Number of daily returns in the regression window. */
  window: number;
  /** Fewer returns than this gives no beta (INSUFFICIENT_HISTORY). */
  minObs: number;
  sortOrder: number;
}

export const BETA_CAP = 5;

const def = (
  key: FactorKey,
  displayName: string,
  kind: FactorKind,
  method: FactorMethod,
  proxy: FactorProxy,
  window: number,
  minObs: number,
): FactorDefinition => ({ key, displayName, kind, method, proxy, window, minObs, sortOrder: FACTOR_KEYS.indexOf(key) });

export const FACTORS: Readonly<Record<FactorKey, FactorDefinition>> = {
  MARKET: def("MARKET", "Market Beta (90D)", "market", "ols", { symbol: "SPY" }, 90, 30),
  IR: def("IR", "IR Beta", "macro", "ols", { symbol: "TLT" }, 90, 30),
  VALUE: def("VALUE", "Value", "style", "ridge", { symbol: "VTV" }, 90, 30),
  GROWTH: def("GROWTH", "Growth", "style", "ridge", { symbol: "VUG" }, 90, 30),
  MOMENTUM: def("MOMENTUM", "Momentum", "style", "ridge", { symbol: "MTUM" }, 90, 30),
  QUALITY: def("QUALITY", "Quality", "style", "ridge", { symbol: "QUAL" }, 90, 30),
  SIZE: def("SIZE", "Size", "style", "ridge", { symbol: "IWM" }, 90, 30),
  LOW_VOL: def("LOW_VOL", "Low Volatility", "style", "ridge", { symbol: "USMV" }, 90, 30),
  GROWTH_VALUE: def("GROWTH_VALUE", "Growth-Value Spread", "spread", "ols", { long: "VUG", short: "VTV" }, 180, 60),
  MOMENTUM_SPREAD: def("MOMENTUM_SPREAD", "Momentum Spread", "spread", "ols", { long: "MTUM", short: "SPY" }, 180, 60),
  SIZE_SPREAD: def("SIZE_SPREAD", "Size Spread", "spread", "ols", { long: "IWM", short: "SPY" }, 180, 60),
  QUALITY_SPREAD: def("QUALITY_SPREAD", "Quality Spread", "spread", "ols", { long: "QUAL", short: "SPY" }, 180, 60),
};

export const FACTOR_LIST: readonly FactorDefinition[] = FACTOR_KEYS.map((k) => FACTORS[k]);

/** The six style factors, in registry order: the columns of the joint ridge regression. */
export const STYLE_FACTOR_KEYS = FACTOR_KEYS.filter((k) => FACTORS[k].method === "ridge");

export function isFactorKey(value: string): value is FactorKey {
  return (FACTOR_KEYS as readonly string[]).includes(value);
}

/** Loud failure for a factor name that is not in the registry (a factor seeded as "Interest Rate" but computed as "IR Beta" once left the exposures empty). */
export function factorOrThrow(key: string): FactorDefinition {
  if (!isFactorKey(key)) throw new Error(`Unknown factor "${key}": not in the factor registry (${FACTOR_KEYS.join(", ")})`);
  return FACTORS[key];
}

/** Every symbol a factor needs prices for. */
export function factorProxySymbols(f: FactorDefinition): string[] {
  return "symbol" in f.proxy ? [f.proxy.symbol] : [f.proxy.long, f.proxy.short];
}

/**
 * The eight proxies of the factor covariance and of the stress model, in a fixed order.
 * Each stress-shockable factor maps to one of them.
 */
export const STRESS_PROXIES = ["SPY", "VTV", "VUG", "MTUM", "QUAL", "IWM", "USMV", "TLT"] as const;
export type StressProxy = (typeof STRESS_PROXIES)[number];

export const FACTOR_PROXY_SYMBOLS: readonly string[] = [...new Set(FACTOR_LIST.flatMap(factorProxySymbols))];
