// A demo option's entry premium: its Black–Scholes value at the inception close, with the same inputs
// the batch uses, so the first day's valuation matches the cost and P&L starts at zero.
import { quoteOption, realizedVol63 } from "@/lib/risk/option-inputs";
import type { IsoDate } from "@/lib/dates";
import { closeOnDate, type PricePanel } from "@/lib/risk/panel";
import { DEFAULT_RISK_FREE_RATE } from "@/lib/risk/black-scholes";
import { ReturnCache } from "@/lib/risk/returns";

export function optionEntryPremium(
  panel: PricePanel,
  o: { underlying: string; right: "C" | "P"; strike: number; expiry: IsoDate; date: IsoDate },
  riskFreeRate = DEFAULT_RISK_FREE_RATE,
): number {
  const i = panel.dateIndex.get(o.date);
  const spot = closeOnDate(panel, o.underlying, o.date);
  if (i === undefined || spot === undefined) throw new Error(`Demo seed: no close for ${o.underlying} on ${o.date}`);
  const vol = realizedVol63(new ReturnCache(panel), o.underlying, i);
  if (vol === null) throw new Error(`Demo seed: ${o.underlying} has fewer than 63 returns before ${o.date}`);
  const q = quoteOption({ underlying: o.underlying, right: o.right === "C" ? "CALL" : "PUT", strike: o.strike, expiry: o.expiry, multiplier: 100 }, o.date, spot, vol, riskFreeRate);
  return Math.round(q.price * 100) / 100;
}
