// "Download CSV" beside a table: the export of the same table (lib/export/tables.ts), with the page's
// query (its date, or the chart's range).
export function CsvLink({ portfolioId, file, query = {}, about }: { portfolioId: string; file: string; query?: Record<string, string | undefined>; about: string }) {
  const defined = Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined);
  const search = defined.length ? `?${new URLSearchParams(defined)}` : "";
  return (
    <a className="csv-link" href={`/api/portfolios/${encodeURIComponent(portfolioId)}/export/${file}.csv${search}`} download data-testid={`csv-${file}`}>
      Download CSV<span className="sr-only"> ({about})</span>
    </a>
  );
}
