import "server-only";
// A book's benchmark: a listed symbol (the symbols table) with stored prices.
import { invalidBodyField } from "@/lib/api/errors";
import { getPool } from "@/lib/db/pool";

export async function assertBenchmarkListed(symbol: string): Promise<void> {
  const { rows } = await getPool().query<{ priced: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM prices p WHERE p.symbol = s.symbol) AS priced FROM symbols s WHERE s.symbol = $1`,
    [symbol],
  );
  if (!rows[0]) throw invalidBodyField("benchmarkSymbol", `${symbol} is not a listed symbol: choose one of the symbols with market data`);
  if (!rows[0].priced) throw invalidBodyField("benchmarkSymbol", `${symbol} has no stored prices yet`);
}
