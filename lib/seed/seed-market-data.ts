// Loads the bundled symbols and prices into the database (bulk, idempotent).
import type { Queryable } from "@/lib/db/pool";
import { readPriceFile, readSymbolFile } from "@/lib/market-data/price-file";
import { upsertPrices } from "@/lib/market-data/store-prices";

export async function seedMarketData(db: Queryable): Promise<{ symbols: number; prices: number }> {
  const symbols = readSymbolFile();
  await db.query(
    `INSERT INTO symbols (symbol, name, asset_type, sector)
     SELECT * FROM unnest($1::text[], $2::text[], $3::"AssetType"[], $4::text[])
     ON CONFLICT (symbol) DO UPDATE SET name = EXCLUDED.name, asset_type = EXCLUDED.asset_type, sector = EXCLUDED.sector`,
    [symbols.map((s) => s.symbol), symbols.map((s) => s.name), symbols.map((s) => s.assetType), symbols.map((s) => s.sector)],
  );
  const { rows } = await upsertPrices(db, readPriceFile(), { source: "file" });
  return { symbols: symbols.length, prices: rows };
}
