// Market data from the bundled price file (the default provider). Each file is parsed once
// per process, on first use, and indexed by symbol.
import { configuredPriceFile, readPriceFile, type PriceRow } from "./price-file";
import { assertDateRange, type DailyClosesResult, type MarketDataProvider, type SymbolError } from "./provider";

interface PriceIndex {
  /** Rows per symbol, ascending by date. */
  bySymbol: Map<string, PriceRow[]>;
  lastDate: string;
}

function indexRows(rows: readonly PriceRow[]): PriceIndex {
  const bySymbol = new Map<string, PriceRow[]>();
  let lastDate = "";
  for (const row of rows) {
    let series = bySymbol.get(row.symbol);
    if (!series) bySymbol.set(row.symbol, (series = []));
    series.push(row);
    if (row.date > lastDate) lastDate = row.date;
  }
  for (const series of bySymbol.values()) series.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { bySymbol, lastDate };
}

/** First index whose date is ≥ `date`. */
function firstOnOrAfter(series: readonly PriceRow[], date: string): number {
  let lo = 0;
  let hi = series.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (series[mid]!.date < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const indexByFile = new Map<string, PriceIndex>();

function loadIndex(file: string): PriceIndex {
  let index = indexByFile.get(file);
  if (!index) indexByFile.set(file, (index = indexRows(readPriceFile(file))));
  return index;
}

export interface FileProviderOptions {
  /** A gzip or plain `date,symbol,close` file; defaults to PRICE_FILE, else data/market/prices.csv.gz. */
  file?: string;
}

export class FileMarketDataProvider implements MarketDataProvider {
  readonly name = "file";
  private readonly file: string;

  constructor(options: FileProviderOptions = {}) {
    this.file = options.file ?? configuredPriceFile();
  }

  private load(): PriceIndex {
    return loadIndex(this.file);
  }

  async fetchDailyCloses(symbols: string[], from: string, to: string): Promise<DailyClosesResult> {
    assertDateRange(from, to);
    const { bySymbol } = this.load();
    const prices: PriceRow[] = [];
    const errors: SymbolError[] = [];
    for (const symbol of new Set(symbols)) {
      const series = bySymbol.get(symbol);
      if (!series) {
        errors.push({ symbol, code: "UNKNOWN_SYMBOL", message: `${symbol} is not in the price file ${this.file}` });
        continue;
      }
      for (let i = firstOnOrAfter(series, from); i < series.length && series[i]!.date <= to; i++) {
        prices.push({ ...series[i]! });
      }
    }
    return { prices, errors };
  }

  async dataEndDate(): Promise<string> {
    return this.load().lastDate;
  }

  /** Every symbol in the file, sorted. */
  async symbols(): Promise<string[]> {
    return [...this.load().bySymbol.keys()].sort();
  }
}
