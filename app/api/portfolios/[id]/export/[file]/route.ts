// GET /api/portfolios/[id]/export/<table>.csv?… — a table of the portfolio as a CSV download (which
// tables and their queries: lib/export/tables.ts; the format: lib/export/csv.ts).
import { ApiError } from "@/lib/api/errors";
import { parseQuery, withPortfolio } from "@/lib/api/handler";
import { toCsv } from "@/lib/export/csv";
import { EXPORTS, isExportName } from "@/lib/export/tables";

export const GET = withPortfolio(async ({ req, params, portfolio }) => {
  const file = typeof params.file === "string" ? params.file : "";
  const name = file.endsWith(".csv") ? file.slice(0, -4) : "";
  if (!isExportName(name)) throw new ApiError("not_found", `No export named ${file}.`);
  const def = EXPORTS[name];
  const table = await def.build(portfolio, parseQuery(req, def.query) as never);
  const filename = `${portfolio.id}-${name}-${table.label}.csv`.replace(/[^A-Za-z0-9._-]/g, "_");
  return new Response(toCsv(table.header, table.rows), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"` },
  });
});
