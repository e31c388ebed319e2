import "server-only";
// CSV import of positions into one portfolio: a preview that checks every row, and a commit that
// writes every row in one transaction only when none has an error. Symbols the table does not list are
// first looked up with the vendor (resolve-unlisted-symbols.ts), in preview and commit alike.
import { ApiError } from "@/lib/api/errors";
import type { ImportCommitResponse, ImportPreviewResponse } from "@/lib/contracts/positions";
import { fromDbDate, toDbDate } from "@/lib/dates";
import { getPrisma } from "@/lib/db/prisma";
import { parsePositionCsv, type CsvRow, type CsvRowError, type SymbolLookup, type SymbolRefusals } from "@/lib/positions/parse-position-csv";
import { draftKey, type PositionDraft } from "@/lib/positions/position-rules";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { PortfolioSummary } from "@/lib/contracts/portfolios";
import { assertBookActive } from "./active-book";
import { resolveUnlistedSymbols } from "./resolve-unlisted-symbols";
import { changeInputs, markResultsStale, type Tx } from "./results-stale";

type Db = Tx | PrismaClient;

/** The symbols table as the CSV parser and the single add look symbols up. */
export async function symbolLookup(db: Db): Promise<SymbolLookup> {
  return new Map((await db.symbol.findMany({ select: { symbol: true, assetType: true } })).map((s) => [s.symbol, s.assetType]));
}

/** The book's positions by lot key (draftKey): a lot already there would be counted twice. */
export async function existingLotKeys(db: Db, portfolioId: string): Promise<Map<string, string>> {
  const existing = await db.position.findMany({ where: { portfolioId } });
  return new Map(
    existing.map((p) => [
      draftKey({ ...p, entryDate: fromDbDate(p.entryDate), exitDate: p.exitDate ? fromDbDate(p.exitDate) : null, expiry: p.expiry ? fromDbDate(p.expiry) : null }),
      p.id,
    ]),
  );
}

/** Lists the file's unlisted symbols that the vendor knows; why each other one is refused. */
async function resolveCsvSymbols(csv: string): Promise<SymbolRefusals> {
  return resolveUnlistedSymbols(parsePositionCsv(csv, await symbolLookup(getPrisma())).unlisted);
}

async function checkCsv(db: Db, portfolio: PortfolioSummary, csv: string, refused: SymbolRefusals): Promise<{ rows: CsvRow[]; errors: CsvRowError[] }> {
  const parsed = parsePositionCsv(csv, await symbolLookup(db), refused);
  if (parsed.tooManyRows) throw new ApiError("payload_too_large", parsed.errors[0]!.message, { errors: parsed.errors });
  const existingKeys = await existingLotKeys(db, portfolio.id);
  const errors = [...parsed.errors];
  const rows = parsed.rows.map((r) => {
    const id = r.position && existingKeys.get(draftKey(r.position));
    if (!id) return r;
    errors.push({ row: r.row, field: null, message: `already in the portfolio (position ${id}): importing it again would count it twice` });
    return { ...r, position: null };
  });
  return { rows, errors: errors.sort((a, b) => a.row - b.row) };
}

export async function previewPositionImport(portfolio: PortfolioSummary, csv: string): Promise<ImportPreviewResponse> {
  const { rows, errors } = await checkCsv(getPrisma(), portfolio, csv, await resolveCsvSymbols(csv));
  return { mode: "preview", valid: errors.length === 0, rowCount: rows.length, rows, errors };
}

/** The row a draft becomes: a private holding is named by its label. */
export const toCreate = (portfolioId: string, d: PositionDraft) => ({
  portfolioId,
  symbol: d.symbol,
  name: d.investmentClass === "PRIVATE" ? d.symbol : null,
  quantity: d.quantity,
  entryPrice: d.entryPrice,
  entryDate: toDbDate(d.entryDate),
  exitPrice: d.exitPrice,
  exitDate: d.exitDate === null ? null : toDbDate(d.exitDate),
  positionType: d.positionType,
  investmentClass: d.investmentClass,
  subtype: d.subtype,
  underlying: d.underlying,
  strike: d.strike,
  expiry: d.expiry === null ? null : toDbDate(d.expiry),
});

export async function commitPositionImport(portfolio: PortfolioSummary, csv: string): Promise<ImportCommitResponse> {
  assertBookActive(portfolio);
  const refused = await resolveCsvSymbols(csv);
  return changeInputs(portfolio.id, async (tx) => {
    // Two imports into one portfolio queue here, so the duplicate check sees the other's rows.
    await tx.$executeRaw`SELECT 1 FROM portfolios WHERE id = ${portfolio.id} FOR UPDATE`;
    const { rows, errors } = await checkCsv(tx, portfolio, csv, refused);
    if (errors.length) {
      const rowsWithErrors = new Set(errors.map((e) => e.row)).size;
      throw new ApiError("unprocessable_entity", `${rowsWithErrors} row(s) have errors, nothing was imported: ${errors.slice(0, 3).map((e) => `row ${e.row}${e.field ? ` ${e.field}` : ""}: ${e.message}`).join("; ")}`, { errors });
    }
    const drafts = rows.map((r) => r.position!);
    const created = await tx.position.createManyAndReturn({ data: drafts.map((d) => toCreate(portfolio.id, d)), select: { id: true } });
    const from = drafts.map((d) => d.entryDate).sort()[0]!;
    return { mode: "commit" as const, created: created.length, positionIds: created.map((c) => c.id), ...(await markResultsStale(tx, portfolio.id, from)) };
  });
}
