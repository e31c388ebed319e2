// How a position's kind reads on the pages: "Long call", "Short", "Long · private", never "LC · OPTIONS".
const TYPE_LABELS: Readonly<Record<string, string>> = {
  LONG: "Long",
  SHORT: "Short",
  LC: "Long call",
  LP: "Long put",
  SC: "Short call",
  SP: "Short put",
};

export function positionKindLabel(positionType: string, investmentClass: string): string {
  const type = TYPE_LABELS[positionType] ?? positionType;
  return investmentClass === "PRIVATE" ? `${type} · private` : type;
}

/** An option reads "AAPL 220 call · 2026-09-18" (its OCC symbol stays in the tooltip); anything else by its symbol. */
export function positionTitle(p: { symbol: string; positionType: string; underlying: string | null; strike: number | null; expiry: string | null }): string {
  if (p.underlying === null || p.strike === null || p.expiry === null) return p.symbol;
  const right = p.positionType === "LC" || p.positionType === "SC" ? "call" : "put";
  return `${p.underlying} ${new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 }).format(p.strike)} ${right} · ${p.expiry}`;
}
