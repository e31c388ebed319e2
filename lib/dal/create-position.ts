import "server-only";
// One position added by hand: the same checks as a CSV row (a listed symbol, or one the vendor lists
// now; the position rules; not a lot already in the book) and the same row, written with the book's
// stale mark from its entry date.
import { ApiError } from "@/lib/api/errors";
import type { PortfolioSummary } from "@/lib/contracts/portfolios";
import type { PositionUpdateResponse } from "@/lib/contracts/positions";
import { getPrisma } from "@/lib/db/prisma";
import { normalSymbol, unknownSymbols, unlistedSymbol } from "@/lib/positions/parse-position-csv";
import { checkPositionRules, defaultSubtype, draftKey, type PositionDraft, type PositionSubtypeKey } from "@/lib/positions/position-rules";
import type { InvestmentClass, PositionType } from "@/lib/risk/position-exposure";
import { assertBookActive } from "./active-book";
import { existingLotKeys, symbolLookup, toCreate } from "./import-positions";
import { resolveUnlistedSymbols } from "./resolve-unlisted-symbols";
import { changeInputs, markResultsStale } from "./results-stale";

export interface NewPosition {
  symbol: string;
  quantity: number;
  entryPrice: number;
  entryDate: string;
  positionType: PositionType;
  investmentClass: InvestmentClass;
  subtype?: PositionSubtypeKey | undefined;
  underlying?: string | null | undefined;
  strike?: number | null | undefined;
  expiry?: string | null | undefined;
  exitPrice?: number | null | undefined;
  exitDate?: string | null | undefined;
}

export async function createPosition(portfolio: PortfolioSummary, input: NewPosition): Promise<PositionUpdateResponse> {
  assertBookActive(portfolio);
  const symbol = normalSymbol(input.investmentClass, input.symbol);
  const unlisted = unlistedSymbol({ symbol, investmentClass: input.investmentClass, underlying: input.underlying ?? null }, await symbolLookup(getPrisma()));
  const refused = await resolveUnlistedSymbols(unlisted ? new Map([[unlisted.symbol, input.entryDate]]) : new Map());
  return changeInputs(portfolio.id, async (tx) => {
    // Serializes with imports into the same book, so the duplicate check sees their rows.
    await tx.$executeRaw`SELECT 1 FROM portfolios WHERE id = ${portfolio.id} FOR UPDATE`;
    const symbols = await symbolLookup(tx);
    const draft: PositionDraft = {
      symbol,
      quantity: input.quantity,
      entryPrice: input.entryPrice,
      entryDate: input.entryDate,
      exitPrice: input.exitPrice ?? null,
      exitDate: input.exitDate ?? null,
      positionType: input.positionType,
      investmentClass: input.investmentClass,
      subtype: input.subtype ?? defaultSubtype(input.investmentClass, symbols.get(symbol)),
      underlying: input.underlying ?? null,
      strike: input.strike ?? null,
      expiry: input.expiry ?? null,
    };
    const issues = [...unknownSymbols(draft, symbols, refused), ...checkPositionRules(draft)];
    if (issues.length) {
      const fields = issues.map((i) => ({ field: `body.${i.field}`, message: i.message }));
      throw new ApiError("unprocessable_entity", `Invalid body: ${fields.map((f) => `${f.field}: ${f.message}`).join("; ")}`, { fields });
    }
    const existing = (await existingLotKeys(tx, portfolio.id)).get(draftKey(draft));
    if (existing) throw new ApiError("conflict", `This lot is already in the portfolio (position ${existing}): adding it again would count it twice.`);
    const created = await tx.position.create({ data: toCreate(portfolio.id, draft), select: { id: true } });
    return { position: { id: created.id, ...draft }, ...(await markResultsStale(tx, portfolio.id, draft.entryDate)) };
  });
}
