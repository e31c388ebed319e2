// The symbol whose price moves a position: an option's underlying, otherwise its own symbol.
export function riskSymbolOf(p: { symbol: string; investmentClass: string; underlying: string | null }): string {
  return p.investmentClass === "OPTIONS" && p.underlying ? p.underlying : p.symbol;
}
