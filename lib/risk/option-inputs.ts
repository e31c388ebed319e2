// Option inputs for Black–Scholes: the underlying's 63-day realized volatility as of the date, the
// configured risk-free rate, calendar-day time to expiry. Shared by the batch's valuation and the
// demo seed (an option's entry premium), so both price an option the same way.
// Definition and reference test: docs/METHODOLOGY.md, "Options".
import type { IsoDate } from "@/lib/dates";
import { blackScholes, yearFraction, type OptionGreeks } from "./black-scholes";
import type { OptionContract } from "./position-exposure";
import type { ReturnCache } from "./returns";
import { LONG_WINDOW, sampleStd, TRADING_DAYS_PER_YEAR } from "./volatility";

/** Annualised sample volatility of the last 63 returns dated ≤ the panel index, or null if fewer. */
export function realizedVol63(returns: ReturnCache, symbol: string, endIndex: number): number | null {
  const r = returns.returns(symbol);
  if (!r) return null;
  const window = new Float64Array(LONG_WINDOW);
  let n = 0;
  for (let j = endIndex; j >= 0 && n < LONG_WINDOW; j--) {
    const v = r[j]!;
    if (!Number.isNaN(v)) window[LONG_WINDOW - 1 - n++] = v;
  }
  if (n < LONG_WINDOW) return null;
  return sampleStd(window, 0, LONG_WINDOW) * Math.sqrt(TRADING_DAYS_PER_YEAR);
}

export interface OptionQuoteDetail extends OptionGreeks {
  underlyingPrice: number;
  volatility: number;
  years: number;
}

export function quoteOption(option: OptionContract, date: IsoDate, underlyingPrice: number, volatility: number, riskFreeRate: number): OptionQuoteDetail {
  const years = Math.max(0, yearFraction(date, option.expiry));
  const greeks = blackScholes({ right: option.right === "CALL" ? "C" : "P", spot: underlyingPrice, strike: option.strike, years, vol: volatility, rate: riskFreeRate });
  return { ...greeks, underlyingPrice, volatility, years };
}
