// Position CSV import (README "Position CSV format"): parse, check every row and name each problem by
// its row (as in the file, header = row 1) and column. Pure: the caller passes the listed symbols, and
// why any other symbol was refused once the vendor was asked (lib/market-data/resolve-symbols.ts).
import { CsvError, parse } from "csv-parse/sync";
import { z } from "zod";
import { INVESTMENT_CLASSES, POSITION_TYPES, type InvestmentClass } from "@/lib/risk/position-exposure";
import { isoDateSchema, type IsoDate } from "@/lib/dates";
import { CSV_COLUMNS, REQUIRED_COLUMNS, type CsvColumn } from "./csv-columns";
import { checkPositionRules, defaultSubtype, draftKey, POSITION_SUBTYPES, type DraftField, type PositionDraft } from "./position-rules";

export const MAX_CSV_ROWS = 5_000;

export interface CsvRowError {
  row: number;
  /** The column the problem is about; null when it is about the whole row. */
  field: CsvColumn | null;
  message: string;
}

export interface CsvRow {
  row: number;
  /** The cells as read, by column. */
  values: Partial<Record<CsvColumn, string>>;
  /** The position to create; null when the row has errors. */
  position: PositionDraft | null;
}

export interface ParsedCsv {
  rows: CsvRow[];
  errors: CsvRowError[];
  /** More data rows than MAX_CSV_ROWS: nothing was checked. */
  tooManyRows: boolean;
  /** Symbols (and option underlyings) the lookup does not list, with the earliest entry date of their rows. */
  unlisted: Map<string, IsoDate>;
}

export type SymbolLookup = ReadonlyMap<string, "STOCK" | "ETF">;
/** Why a symbol was refused, a phrase after its name (lib/market-data/resolve-symbols.ts). */
export type SymbolRefusals = ReadonlyMap<string, string>;

const COLUMN_OF: Record<DraftField, CsvColumn> = {
  symbol: "symbol",
  quantity: "quantity",
  entryPrice: "entry_price",
  entryDate: "entry_date",
  exitPrice: "exit_price",
  exitDate: "exit_date",
  positionType: "type",
  investmentClass: "class",
  subtype: "subtype",
  underlying: "underlying",
  strike: "strike",
  expiry: "expiry",
};

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const emptyToNull = (v: string | undefined) => (v === undefined || v === "" ? null : v);
const number = z.string().regex(NUMBER, "must be a number").transform(Number).refine(Number.isFinite, "must be a finite number");
const positive = number.refine((n) => n > 0, "must be positive");
const upper = (v: string) => v.toUpperCase();

const rowSchema = z.object({
  symbol: z.string().min(1, "is required").max(64, "is longer than 64 characters"),
  quantity: number,
  entry_price: positive,
  entry_date: isoDateSchema,
  type: z.string().transform(upper).pipe(z.enum(POSITION_TYPES, `must be one of ${POSITION_TYPES.join(", ")}`)),
  class: z.string().transform(upper).pipe(z.enum(INVESTMENT_CLASSES, `must be one of ${INVESTMENT_CLASSES.join(", ")}`)),
  subtype: z.preprocess(emptyToNull, z.string().transform(upper).pipe(z.enum(POSITION_SUBTYPES, `must be one of ${POSITION_SUBTYPES.join(", ")}`)).nullable()),
  underlying: z.preprocess(emptyToNull, z.string().max(16).transform(upper).nullable()),
  strike: z.preprocess(emptyToNull, number.nullable()),
  expiry: z.preprocess(emptyToNull, isoDateSchema.nullable()),
  exit_price: z.preprocess(emptyToNull, positive.nullable()),
  exit_date: z.preprocess(emptyToNull, isoDateSchema.nullable()),
});

// U+FFFD is what the decoder left where the bytes were not UTF-8; other control characters mean a binary file.
const BROKEN_TEXT = /[\uFFFD\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

/** Tickers and OCC symbols are upper case; a private holding keeps its label as written. */
export function normalSymbol(investmentClass: InvestmentClass, symbol: string): string {
  return investmentClass === "PRIVATE" ? symbol : symbol.toUpperCase();
}

type SymbolFields = { symbol: string; investmentClass: InvestmentClass; underlying: string | null };

/** A public symbol or an option's underlying that the symbols table does not list, and the field naming it. */
export function unlistedSymbol(d: SymbolFields, symbols: SymbolLookup): { field: "symbol" | "underlying"; symbol: string } | null {
  if (d.investmentClass === "PUBLIC" && !symbols.has(d.symbol)) return { field: "symbol", symbol: d.symbol };
  if (d.investmentClass === "OPTIONS" && d.underlying !== null && !symbols.has(d.underlying)) return { field: "underlying", symbol: d.underlying };
  return null;
}

/** The problem of an unlisted symbol, naming it and why (import and single add alike). */
export function unknownSymbols(d: SymbolFields, symbols: SymbolLookup, refused: SymbolRefusals = new Map()): { field: "symbol" | "underlying"; message: string }[] {
  const unlisted = unlistedSymbol(d, symbols);
  if (!unlisted) return [];
  return [{ field: unlisted.field, message: `${unlisted.symbol} ${refused.get(unlisted.symbol) ?? "is not a listed symbol"}` }];
}

export function parsePositionCsv(text: string, symbols: SymbolLookup, refused: SymbolRefusals = new Map()): ParsedCsv {
  let records: CsvRecord[];
  try {
    records = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as CsvRecord[];
  } catch (e) {
    if (e instanceof CsvError) return { rows: [], errors: [{ row: (e as CsvError & { lines?: number }).lines ?? 1, field: null, message: `unreadable CSV: ${e.message}` }], tooManyRows: false, unlisted: new Map() };
    throw e;
  }
  // A record spanning lines (a quoted newline) is numbered by the line it starts on.
  const rowOf = (r: CsvRecord) => r.info.lines - r.record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
  const [header, ...data] = records;
  if (!header) return { rows: [], errors: [{ row: 1, field: null, message: "the file is empty: expected a header row and at least one position" }], tooManyRows: false, unlisted: new Map() };
  if (data.length > MAX_CSV_ROWS) return { rows: [], errors: [{ row: MAX_CSV_ROWS + 2, field: null, message: `more than ${MAX_CSV_ROWS} positions in one file` }], tooManyRows: true, unlisted: new Map() };

  const headerErrors = checkHeader(header.record);
  if (headerErrors.length) return { rows: [], errors: headerErrors, tooManyRows: false, unlisted: new Map() };
  if (data.length === 0) return { rows: [], errors: [{ row: 2, field: null, message: "no position rows after the header" }], tooManyRows: false, unlisted: new Map() };
  const columns = header.record.map((h) => h.toLowerCase() as CsvColumn);

  const errors: CsvRowError[] = [];
  const seen = new Map<string, number>();
  const unlisted = new Map<string, IsoDate>();
  const rows = data.map((r): CsvRow => {
    const row = rowOf(r);
    const values = Object.fromEntries(columns.map((c, i) => [c, r.record[i] ?? ""])) as Partial<Record<CsvColumn, string>>;
    const read = readRow(row, r.record.length, columns, values, symbols, refused);
    if (read.unlisted) {
      const first = unlisted.get(read.unlisted.symbol);
      if (first === undefined || read.unlisted.entryDate < first) unlisted.set(read.unlisted.symbol, read.unlisted.entryDate);
    }
    if ("errors" in read) {
      errors.push(...read.errors);
      return { row, values, position: null };
    }
    const key = draftKey(read.position);
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ row, field: null, message: `duplicates row ${first}` });
      return { row, values, position: null };
    }
    seen.set(key, row);
    return { row, values, position: read.position };
  });
  return { rows, errors, tooManyRows: false, unlisted };
}

function checkHeader(cells: string[]): CsvRowError[] {
  const errors: CsvRowError[] = [];
  const names = cells.map((c) => c.toLowerCase());
  names.forEach((name, i) => {
    if (BROKEN_TEXT.test(name)) errors.push({ row: 1, field: null, message: `header column ${i + 1} is not valid UTF-8 text: save the file as UTF-8` });
    else if (!(CSV_COLUMNS as readonly string[]).includes(name)) errors.push({ row: 1, field: null, message: `unknown column "${cells[i]}" (expected ${CSV_COLUMNS.join(",")})` });
    else if (names.indexOf(name) !== i) errors.push({ row: 1, field: name as CsvColumn, message: `column ${name} appears twice` });
  });
  for (const c of REQUIRED_COLUMNS) if (!names.includes(c)) errors.push({ row: 1, field: c, message: `missing required column ${c}` });
  return errors;
}

function readRow(
  row: number,
  cellCount: number,
  columns: CsvColumn[],
  values: Partial<Record<CsvColumn, string>>,
  symbols: SymbolLookup,
  refused: SymbolRefusals,
): ({ position: PositionDraft } | { errors: CsvRowError[] }) & { unlisted?: { symbol: string; entryDate: IsoDate } } {
  if (cellCount !== columns.length) return { errors: [{ row, field: null, message: `has ${cellCount} fields, the header has ${columns.length}` }] };
  const broken = columns.filter((c) => BROKEN_TEXT.test(values[c] ?? ""));
  if (broken.length) return { errors: broken.map((c) => ({ row, field: c, message: "contains bytes that are not valid UTF-8 text: save the file as UTF-8" })) };
  const parsed = rowSchema.safeParse(Object.fromEntries(CSV_COLUMNS.map((c) => [c, values[c] ?? ""])));
  if (!parsed.success) return { errors: parsed.error.issues.map((i) => ({ row, field: (i.path[0] as CsvColumn | undefined) ?? null, message: i.message })) };
  const v = parsed.data;
  const symbol = normalSymbol(v.class, v.symbol);
  const symbolFields = { symbol, investmentClass: v.class, underlying: v.underlying };
  const unlisted = unlistedSymbol(symbolFields, symbols);
  const errors: CsvRowError[] = unknownSymbols(symbolFields, symbols, refused).map((i) => ({ row, ...i }));
  const position: PositionDraft = {
    symbol,
    quantity: v.quantity,
    entryPrice: v.entry_price,
    entryDate: v.entry_date,
    exitPrice: v.exit_price,
    exitDate: v.exit_date,
    positionType: v.type,
    investmentClass: v.class,
    subtype: v.subtype ?? defaultSubtype(v.class, symbols.get(symbol)),
    underlying: v.underlying,
    strike: v.strike,
    expiry: v.expiry,
  };
  errors.push(...checkPositionRules(position).map((i) => ({ row, field: COLUMN_OF[i.field], message: i.message })));
  const found = unlisted ? { unlisted: { symbol: unlisted.symbol, entryDate: v.entry_date } } : {};
  return errors.length ? { errors, ...found } : { position, ...found };
}
