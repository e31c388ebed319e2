// Black–Scholes prices and Greeks (no dividend) and OCC option symbols.
// Time convention: T = calendar days from the as-of date to expiry / 365, so an option expiring on the
// as-of date has T = 0 and is worth its intrinsic value; after expiry it is the caller's to drop.
// Definition and reference test: docs/METHODOLOGY.md, "Options".
import { isoDayNumber } from "@/lib/dates";
import { normCdf, normPdf } from "./stats/normal";

export const DEFAULT_RISK_FREE_RATE = 0.04;

export type OptionRight = "C" | "P";

export interface BlackScholesInput {
  right: OptionRight;
  spot: number;
  strike: number;
  /** Years to expiry (calendar days / 365); ≤ 0 means expired: intrinsic value. */
  years: number;
  /** Annualised volatility, e.g. 0.25. */
  vol: number;
  rate?: number;
}

export interface OptionGreeks {
  price: number;
  delta: number;
  gamma: number;
  /** Per calendar day: the annual theta / 365. */
  theta: number;
  /** Per volatility point: the derivative by σ / 100. */
  vega: number;
}

/** Calendar days from `asOf` to `expiry`, divided by 365 (negative after expiry). */
export function yearFraction(asOf: string, expiry: string): number {
  return (isoDayNumber(expiry) - isoDayNumber(asOf)) / 365;
}

export function blackScholes(input: BlackScholesInput): OptionGreeks {
  const { right, spot, strike, years, vol, rate = DEFAULT_RISK_FREE_RATE } = input;
  if (!(spot > 0) || !(strike > 0)) throw new RangeError(`Black–Scholes needs positive spot and strike, got ${spot} and ${strike}`);
  if (years <= 0) {
    // On (or after) expiry: intrinsic value; delta is the exercise indicator, the other Greeks vanish.
    const itm = right === "C" ? spot > strike : spot < strike;
    const price = right === "C" ? Math.max(spot - strike, 0) : Math.max(strike - spot, 0);
    return { price, delta: itm ? (right === "C" ? 1 : -1) : 0, gamma: 0, theta: 0, vega: 0 };
  }
  if (!(vol > 0)) throw new RangeError(`Black–Scholes needs a positive volatility, got ${vol}`);
  const sqrtT = Math.sqrt(years);
  const d1 = (Math.log(spot / strike) + (rate + 0.5 * vol * vol) * years) / (vol * sqrtT);
  const d2 = d1 - vol * sqrtT;
  const discount = strike * Math.exp(-rate * years);
  const pdf = normPdf(d1);
  const gamma = pdf / (spot * vol * sqrtT);
  const vega = (spot * pdf * sqrtT) / 100;
  const decay = -(spot * pdf * vol) / (2 * sqrtT);
  if (right === "C") {
    return {
      price: spot * normCdf(d1) - discount * normCdf(d2),
      delta: normCdf(d1),
      gamma,
      theta: (decay - rate * discount * normCdf(d2)) / 365,
      vega,
    };
  }
  return {
    price: discount * normCdf(-d2) - spot * normCdf(-d1),
    delta: normCdf(d1) - 1,
    gamma,
    theta: (decay + rate * discount * normCdf(-d2)) / 365,
    vega,
  };
}

export interface OccSymbol {
  root: string;
  /** YYYY-MM-DD. */
  expiry: string;
  right: OptionRight;
  strike: number;
}

// Root (1–6 characters, optionally space-padded as in the 21-character OSI form), YYMMDD, C|P,
// strike × 1000 in 8 digits.
const OCC_RE = /^([A-Z][A-Z0-9.]{0,5}) *(\d{2})(\d{2})(\d{2})([CP])(\d{8})$/;

export function parseOccSymbol(text: string): OccSymbol {
  const m = OCC_RE.exec(text.trim());
  if (!m) {
    throw new Error(`"${text}" is not an OCC option symbol: expected ROOT YYMMDD C|P strike×1000 in 8 digits, e.g. AAPL260918C00200000`);
  }
  const [, root, yy, mm, dd, right, strikeText] = m as unknown as [string, string, string, string, string, OptionRight, string];
  const expiry = `20${yy}-${mm}-${dd}`;
  try {
    isoDayNumber(expiry);
  } catch {
    throw new Error(`OCC symbol "${text}": expiry ${yy}${mm}${dd} is not a calendar date`);
  }
  const strike = Number(strikeText) / 1000;
  if (strike <= 0) throw new Error(`OCC symbol "${text}": strike must be positive`);
  return { root, expiry, right, strike };
}

export function formatOccSymbol(o: OccSymbol): string {
  if (!/^[A-Z][A-Z0-9.]{0,5}$/.test(o.root)) throw new Error(`OCC root "${o.root}" must be 1–6 characters A–Z, 0–9 or "."`);
  isoDayNumber(o.expiry);
  if (!o.expiry.startsWith("20")) throw new Error(`OCC expiry ${o.expiry} must be in 2000–2099`);
  const milli = Math.round(o.strike * 1000);
  if (!(o.strike > 0) || Math.abs(milli - o.strike * 1000) > 1e-6 || milli > 99_999_999) {
    throw new Error(`OCC strike ${o.strike} must be positive, below 100,000 and have at most 3 decimals`);
  }
  const date = o.expiry.slice(2).replaceAll("-", "");
  return `${o.root}${date}${o.right}${String(milli).padStart(8, "0")}`;
}
