// Reads the bundled price file (`date,symbol,close`, gzip) and symbol metadata, validating every
// row so a malformed file fails at start with the line and field to fix.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { parse } from "csv-parse/sync";
import { env } from "@/lib/config/env";
import { isIsoDate } from "@/lib/dates";

export interface PriceRow {
  symbol: string;
  date: string;
  close: number;
}

export interface SymbolInfo {
  symbol: string;
  name: string;
  assetType: "STOCK" | "ETF";
  sector: string;
}

export const BUNDLED_MARKET_DIR = path.resolve(process.cwd(), "data/market");
export const BUNDLED_PRICES_FILE = path.join(BUNDLED_MARKET_DIR, "prices.csv.gz");
export const BUNDLED_SYMBOLS_FILE = path.join(BUNDLED_MARKET_DIR, "symbols.csv");

/** The price file in use: PRICE_FILE, else the bundled one. */
export function configuredPriceFile(): string {
  const file = env().PRICE_FILE;
  return file ? path.resolve(file) : BUNDLED_PRICES_FILE;
}

export class PriceFileError extends Error {
  constructor(file: string, line: number, message: string) {
    super(`Malformed price file ${file}, line ${line}: ${message}. Fix or replace the file (format: date,symbol,close).`);
    this.name = "PriceFileError";
  }
}

const SYMBOL_RE = /^[A-Z][A-Z0-9.\-]{0,14}$/;

/** Parses `date,symbol,close` text; throws PriceFileError naming the line and field. */
export function parsePriceCsv(text: string, file = "<input>"): PriceRow[] {
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== "date,symbol,close") {
    throw new PriceFileError(file, 1, `header must be "date,symbol,close", found "${(lines[0] ?? "").slice(0, 60)}"`);
  }
  const rows: PriceRow[] = [];
  const seen = new Set<string>();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === "") continue;
    const parts = line.split(",");
    if (parts.length !== 3) throw new PriceFileError(file, i + 1, `expected 3 fields, found ${parts.length}`);
    const [date, symbol, closeText] = parts as [string, string, string];
    if (!isIsoDate(date)) throw new PriceFileError(file, i + 1, `date "${date}" is not a YYYY-MM-DD calendar date`);
    if (!SYMBOL_RE.test(symbol)) throw new PriceFileError(file, i + 1, `symbol "${symbol}" is not a ticker`);
    const close = Number(closeText);
    if (closeText.trim() === "" || !Number.isFinite(close) || close <= 0) {
      throw new PriceFileError(file, i + 1, `close "${closeText}" is not a positive number`);
    }
    const key = `${symbol}|${date}`;
    if (seen.has(key)) throw new PriceFileError(file, i + 1, `duplicate price for ${symbol} on ${date}`);
    seen.add(key);
    rows.push({ symbol, date, close });
  }
  if (rows.length === 0) throw new PriceFileError(file, 2, "no price rows");
  return rows;
}

export function readPriceFile(file = configuredPriceFile()): PriceRow[] {
  let raw: Buffer;
  try {
    raw = readFileSync(/*turbopackIgnore: true*/ file);
  } catch (e) {
    throw new Error(`Price file ${file} cannot be read (${(e as Error).message}). Restore data/market/ from the repository.`, { cause: e });
  }
  let text: string;
  try {
    text = file.endsWith(".gz") ? gunzipSync(raw).toString("utf8") : raw.toString("utf8");
  } catch (e) {
    throw new PriceFileError(file, 0, `not a valid gzip file (${(e as Error).message})`);
  }
  return parsePriceCsv(text, file);
}

export function readSymbolFile(file = BUNDLED_SYMBOLS_FILE): SymbolInfo[] {
  const records = parse(readFileSync(/*turbopackIgnore: true*/ file, "utf8"), { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  return records.map((r, i) => {
    const line = i + 2;
    const symbol = r.symbol ?? "";
    if (!SYMBOL_RE.test(symbol)) throw new PriceFileError(file, line, `symbol "${symbol}" is not a ticker`);
    if (r.asset_type !== "STOCK" && r.asset_type !== "ETF") throw new PriceFileError(file, line, `asset_type must be STOCK or ETF, found "${r.asset_type}"`);
    if (!r.name || !r.sector) throw new PriceFileError(file, line, "name and sector are required");
    return { symbol, name: r.name, assetType: r.asset_type, sector: r.sector };
  });
}
