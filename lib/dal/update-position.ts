import "server-only";
// Edit of one position (quantity, entry, exit, private mark): the merged position must pass the same
// rules as an imported one, or nothing is written and the answer names the field.
import { ApiError, invalidBodyField as invalid } from "@/lib/api/errors";
import type { PositionPatch, PositionUpdateResponse } from "@/lib/contracts/positions";
import { fromDbDate, toDbDate } from "@/lib/dates";
import { checkPositionRules, type PositionDraft } from "@/lib/positions/position-rules";
import type { PortfolioSummary } from "@/lib/contracts/portfolios";
import { assertBookActive } from "./active-book";
import { changeInputs, markResultsStale } from "./results-stale";

export async function updatePosition(portfolio: PortfolioSummary, positionId: string, patch: PositionPatch): Promise<PositionUpdateResponse> {
  return changeInputs(portfolio.id, async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM positions WHERE id = ${positionId} AND portfolio_id = ${portfolio.id} FOR UPDATE`;
    const p = rows.length ? await tx.position.findUnique({ where: { id: positionId } }) : null;
    if (!p) throw new ApiError("not_found", `Position ${positionId} not found in portfolio ${portfolio.id}.`);
    assertBookActive(portfolio);
    const before: PositionDraft = {
      symbol: p.symbol,
      quantity: p.quantity,
      entryPrice: p.entryPrice,
      entryDate: fromDbDate(p.entryDate),
      exitPrice: p.exitPrice,
      exitDate: p.exitDate ? fromDbDate(p.exitDate) : null,
      positionType: p.positionType,
      investmentClass: p.investmentClass,
      subtype: p.subtype,
      underlying: p.underlying,
      strike: p.strike,
      expiry: p.expiry ? fromDbDate(p.expiry) : null,
    };
    const { privateMark, ...fields } = patch;
    const after: PositionDraft = { ...before, ...fields };
    const issue = checkPositionRules(after)[0];
    if (issue) throw invalid(issue.field, issue.message);
    if (privateMark) {
      if (p.investmentClass !== "PRIVATE") throw invalid("privateMark", "only PRIVATE positions are valued by manual marks");
      if (privateMark.date < after.entryDate) throw invalid("privateMark.date", `is before the entry date ${after.entryDate}`);
      const mark = { price: privateMark.price, note: privateMark.note ?? null };
      await tx.privateMark.upsert({
        where: { positionId_date: { positionId, date: toDbDate(privateMark.date) } },
        create: { positionId, date: toDbDate(privateMark.date), ...mark },
        update: mark,
      });
    }
    await tx.position.update({
      where: { id: positionId },
      data: {
        quantity: after.quantity,
        entryPrice: after.entryPrice,
        entryDate: toDbDate(after.entryDate),
        exitPrice: after.exitPrice,
        exitDate: after.exitDate === null ? null : toDbDate(after.exitDate),
      },
    });
    // A new mark changes values from its date; any other change can move every date since entry.
    const onlyMark = Object.keys(fields).length === 0 && privateMark;
    const recomputeFrom = onlyMark ? privateMark.date : [before.entryDate, after.entryDate].sort()[0]!;
    return { position: { id: positionId, ...after }, ...(await markResultsStale(tx, portfolio.id, recomputeFrom)) };
  });
}
