// Number formatting shared by pages and charts (USD, percentages, betas, quantities, axis ticks): one
// place, so a figure reads the same everywhere. Rounding never shows a signed zero ("-0.00 %").
const usd0 = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const usd2 = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });
const usdCompact = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 2 });

// One formatter per option set: building an Intl.NumberFormat costs far more than formatting with one,
// and a heat map or positions table formats thousands of numbers in a render.
function memo(make: (digits: number) => Intl.NumberFormat): (digits: number) => Intl.NumberFormat {
  const made = new Map<number, Intl.NumberFormat>();
  return (digits) => {
    let f = made.get(digits);
    if (!f) made.set(digits, (f = make(digits)));
    return f;
  };
}
const fixed = memo((digits) => new Intl.NumberFormat("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }));
const upTo = memo((digits) => new Intl.NumberFormat("en-US", { maximumFractionDigits: digits }));

/** `v` rounded to `digits` decimals, with -0 (a tiny negative that rounds to zero) made 0. */
function unsignedZero(v: number, digits: number): number {
  const r = Math.round(v * 10 ** digits) / 10 ** digits;
  return r === 0 ? 0 : v;
}

export const formatUsd = (v: number | null | undefined, cents = false): string => (v == null ? "—" : (cents ? usd2 : usd0).format(unsignedZero(v, cents ? 2 : 0)));
export const formatPct = (v: number | null | undefined, digits = 2): string => (v == null ? "—" : `${fixed(digits).format(unsignedZero(v * 100, digits))} %`);
/** A plain number with thousand separators and exactly `digits` decimals. */
export const formatNum = (v: number | null | undefined, digits = 2): string => (v == null ? "—" : fixed(digits).format(unsignedZero(v, digits)));
/** A quantity of shares or contracts: separators, decimals only when it has them (up to 4). */
export const formatQuantity = (v: number | null | undefined): string => (v == null ? "—" : upTo(4).format(unsignedZero(v, 4)));

/** Axis ticks: "$2.75M", "-$50K", "$0"; "12.5 %"; "0.25". */
export const formatUsdTick = (v: number): string => usdCompact.format(unsignedZero(v, 2));
export const formatPctTick = (v: number): string => `${upTo(2).format(unsignedZero(v * 100, 2))} %`;
export const formatNumTick = (v: number): string => upTo(3).format(unsignedZero(v, 3));

/** A profit or loss: green above zero, red below. */
export const signClass = (v: number | null | undefined): string => (v == null || v === 0 ? "" : v > 0 ? "pos" : "neg");
/** A signed figure that is neither a gain nor a loss (a beta, a correlation, a short exposure). */
export const directionClass = (v: number | null | undefined): string => (v == null || v === 0 ? "" : v > 0 ? "up" : "down");

/** A loss held as a positive size (VaR, expected shortfall) shown as the negative amount it is, as every
 *  other loss on the pages is (stress P&L, day P&L): "-$116,438", "-3.21 %". */
export const formatLossUsd = (loss: number | null | undefined): string => formatUsd(loss == null ? loss : -loss);
export const formatLossPct = (loss: number | null | undefined, digits = 2): string => formatPct(loss == null ? loss : -loss, digits);
/** The class of a loss held as a positive size: red when it is a loss. */
export const lossClass = (loss: number | null | undefined): string => signClass(loss == null ? loss : -loss);

// Instants on the admin pages read like the dates beside them (ISO order) in the batch's own time zone,
// New York, whichever zone the browser is in: "2026-07-13 18:30:05 New York".
const newYork = new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });

export function formatDateTime(iso: string | null | undefined, o: { seconds?: boolean } = {}): string {
  if (!iso) return "—";
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return "—";
  const part = Object.fromEntries(newYork.formatToParts(at).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}${o.seconds === false ? "" : `:${part.second}`} New York`;
}
