// The link to the regression diagnostics of one factor or one position, keeping the page's date.
export function diagnosticsHref(portfolioId: string, date: string | undefined, filter: { factor: string } | { symbol: string }): string {
  const q = new URLSearchParams({ ...(date === undefined ? {} : { date }), ...filter });
  return `/portfolios/${encodeURIComponent(portfolioId)}/diagnostics?${q}`;
}
