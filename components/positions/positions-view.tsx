"use client";
// The Positions page: every position with its valuation, P&L and betas; for the book's manager an
// inline edit, close and delete per position, a form to add one, and the CSV import.
import { Fragment, useState } from "react";
import { useApi } from "@/components/use-api";
import { FACTOR_KEYS, FACTORS, type FactorKey } from "@/lib/factors/registry";
import { positionKindLabel, positionTitle } from "@/lib/positions/position-labels";
import { isExpired, nextSort, positionTotals, type PositionSort, type PositionTotals, type SortColumn, sortPositions, totalsCaption } from "@/lib/positions/position-table";
import { formatNum, formatPct, formatQuantity, formatUsd, signClass } from "@/lib/format";
import { AddPositionForm } from "./add-position-form";
import { ClosePositionForm } from "./close-position-form";
import { DeletePositionConfirm } from "./delete-position-confirm";
import { PositionEditForm } from "./position-edit-form";
import { PositionImport } from "./position-import";
import { SectionFailure } from "@/components/section-failure";
import { TableRegion } from "@/components/table-region";
import { reasonLabel } from "@/lib/reason-codes";
import Link from "next/link";
import { useAsOfDate, useAsOfQuery } from "@/components/date-travel/use-as-of-date";
import { diagnosticsHref } from "@/components/diagnostics/diagnostics-href";
import { CsvLink } from "@/components/export/csv-link";

type RowAction = "edit" | "close" | "delete";
const HEADERS: readonly { column: SortColumn; label: string; num: boolean }[] = [
  { column: "symbol", label: "Symbol", num: false },
  { column: "type", label: "Type", num: false },
  { column: "quantity", label: "Quantity", num: true },
  { column: "price", label: "Price", num: true },
  { column: "marketValue", label: "Market value", num: true },
  { column: "exposure", label: "Exposure", num: true },
  { column: "weight", label: "Weight", num: true },
  { column: "pnlDay", label: "Day P&L", num: true },
  { column: "pnlTotal", label: "Total P&L", num: true },
  { column: "delta", label: "Delta", num: true },
];
const ACTION_LABELS: Record<RowAction, string> = { edit: "Edit", close: "Close", delete: "Delete" };

// Market, rates and the six styles; the spread betas live on the Risk Metrics page. The market beta is
// always shown; the other seven on request, so the table fits its box on a laptop.
const BETA_COLUMNS: readonly FactorKey[] = FACTOR_KEYS.slice(0, 8);

/** `canEdit`: the caller manages this book and it is not archived (an admin reads it but does not edit it). */
export function PositionsView({ portfolioId, canEdit }: { portfolioId: string; canEdit: boolean }) {
  const asOf = useAsOfQuery();
  const date = useAsOfDate();
  const positions = useApi("positions", portfolioId, asOf);
  const betas = useApi("factors", portfolioId, { ...asOf, positions: "1" });
  const [open, setOpen] = useState<{ id: string; action: RowAction } | null>(null);
  const [allBetas, setAllBetas] = useState(false);
  const [sort, setSort] = useState<PositionSort | null>(null);
  const betaColumns = allBetas ? BETA_COLUMNS : BETA_COLUMNS.slice(0, 1);
  const betaById = new Map(betas.data?.available ? (betas.data.positions ?? []).map((p) => [p.positionId, p.betas]) : []);
  const { data, error, isPending } = positions;
  return (
    <>
      <section className="panel" data-testid="positions-section">
        <h2>
          Positions {data?.asOfDate && <span className="muted as-of" data-testid="as-of">· valued as of {data.asOfDate}</span>}
        </h2>
        {isPending && <p className="muted">Loading…</p>}
        {error && <SectionFailure what="the positions" error={error} retrying={positions.isFetching} retry={() => void positions.refetch()} />}
        {data && !data.available && <p className="muted" data-testid="unavailable-reason">No valuation yet: {reasonLabel(data.reason)} ({data.detail}).</p>}
        {betas.data && !betas.data.available && <p className="muted">Betas not available: {reasonLabel(betas.data.reason)} ({betas.data.detail}).</p>}
        {data && data.positions.length === 0 && <p className="muted">No positions yet: add them one by one or import them from a CSV file below.</p>}
        {data && data.positions.length > 0 && (
          <label className="inline-check">
            <input type="checkbox" checked={allBetas} onChange={(e) => setAllBetas(e.target.checked)} data-testid="positions-all-betas" /> Show rate and style betas
          </label>
        )}
        {data && data.positions.length > 0 && (
          <TableRegion label="Positions">
            <table data-testid="positions-table" className="dense">
              <thead>
                <tr>
                  {HEADERS.map((h) => (
                    <SortHeader key={h.column} column={h.column} label={h.label} num={h.num} sort={sort} onSort={(c) => setSort(nextSort(sort, c))} />
                  ))}
                  {betaColumns.map((k) => (
                    <th key={k} className="num" title={`${FACTORS[k].displayName}: beta of the risk symbol`}>β {FACTORS[k].displayName.replace(/ Beta.*$/, "")}</th>
                  ))}
                  <th className="row-actions-cell"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {sortPositions(data.positions, sort).map((p) => {
                  const v = p.valuation;
                  const b = betaById.get(p.id);
                  const action = open?.id === p.id ? open.action : null;
                  const done = () => setOpen(null);
                  const expired = isExpired(p, data.asOfDate);
                  return (
                    <Fragment key={p.id}>
                      <tr data-testid={`position-row-${p.symbol}`}>
                        <td title={p.symbol}>
                          {/* The position's name opens its regression diagnostics: no extra column, so the table still fits a laptop. */}
                          <Link href={diagnosticsHref(portfolioId, date, { symbol: p.symbol })} title={`Regression diagnostics of ${p.symbol}`} data-testid="position-diagnostics">
                            {positionTitle(p)}
                            <span className="sr-only"> (regression diagnostics)</span>
                          </Link>
                          {p.exitDate && <span className="badge"> closed {p.exitDate}</span>}
                          {expired && (
                            <span className="badge" data-testid="position-expired" title="Expired: no longer valued; close it at its exercise value">
                              {" "}expired
                            </span>
                          )}
                          {v?.carried && <span className="badge partial" title="Valued on the last known price"> carried</span>}
                        </td>
                        <td>{positionKindLabel(p.positionType, p.investmentClass)}</td>
                        <td className="num" data-testid="position-quantity">{formatQuantity(p.quantity)}</td>
                        {!v && (expired || p.exitDate) ? (
                          <td colSpan={6} className="muted unvalued" data-testid="position-unvalued">
                            {expired ? `Expired on ${p.expiry}: not valued; close it at its exercise value` : `Closed on ${p.exitDate}: no longer valued`}
                          </td>
                        ) : (
                          <>
                            <td className="num">{formatUsd(v?.price, true)}</td>
                            <td className="num">{formatUsd(v?.marketValue)}</td>
                            <td className="num" data-testid="position-exposure">{formatUsd(v?.exposure)}</td>
                            <td className="num" data-testid="position-weight">{formatPct(v?.weight)}</td>
                            <td className={`num ${signClass(v?.pnlDay)}`}>{formatUsd(v?.pnlDay)}</td>
                            <td className={`num ${signClass(v?.pnlTotal)}`}>{formatUsd(v?.pnlTotal)}</td>
                          </>
                        )}
                        <td className="num" title={p.greeks ? `Γ ${formatNum(p.greeks.gamma, 4)} · Θ ${formatNum(p.greeks.theta, 3)}/day · vega ${formatNum(p.greeks.vega, 3)}` : undefined}>
                          {formatNum(p.greeks?.delta, 3)}
                        </td>
                        {betaColumns.map((k) => (
                          <td key={k} className="num" data-testid={`position-beta-${k}`}>{formatNum(b?.[k], 2)}</td>
                        ))}
                        <td className="row-actions-cell">
                          <div className="row-actions">
                          {canEdit &&
                            (["edit", "close", "delete"] as const)
                              .filter((a) => a !== "close" || p.exitDate === null)
                              .map((a) => (
                                <button
                                  key={a}
                                  type="button"
                                  className="secondary small"
                                  aria-expanded={action === a}
                                  aria-label={`${ACTION_LABELS[a]} ${p.symbol}`}
                                  data-testid={`position-${a}`}
                                  onClick={() => setOpen(action === a ? null : { id: p.id, action: a })}
                                >
                                  {ACTION_LABELS[a]}
                                </button>
                              ))}
                          </div>
                        </td>
                      </tr>
                      {action && (
                        <tr className="detail">
                          <td colSpan={11 + betaColumns.length}>
                            {action === "edit" && <PositionEditForm portfolioId={portfolioId} position={p} onDone={done} />}
                            {action === "close" && <ClosePositionForm portfolioId={portfolioId} position={p} onDone={done} />}
                            {action === "delete" && <DeletePositionConfirm portfolioId={portfolioId} position={p} onDone={done} />}
                          </td>
                        </tr>
                      )}
                    </Fragment>
                  );
                })}
              </tbody>
              <PositionTotalsRow totals={positionTotals(data.positions, data.asOfDate)} betaColumns={betaColumns.length} />
            </table>
          </TableRegion>
        )}
        {data && data.positions.length > 0 && (
          <CsvLink portfolioId={portfolioId} file="positions" query={{ date: data.asOfDate ?? undefined }} about="positions" />
        )}
      </section>
      {canEdit ? (
        <>
          <AddPositionForm portfolioId={portfolioId} />
          <PositionImport portfolioId={portfolioId} />
        </>
      ) : (
        <p className="muted">Positions are changed by the portfolio&apos;s manager, and not while the book is archived.</p>
      )}
    </>
  );
}

function SortHeader({ column, label, num, sort, onSort }: { column: SortColumn; label: string; num: boolean; sort: PositionSort | null; onSort: (c: SortColumn) => void }) {
  const active = sort?.column === column ? sort.dir : null;
  return (
    <th className={num ? "num" : ""} aria-sort={active === "asc" ? "ascending" : active === "desc" ? "descending" : "none"}>
      <button type="button" className="th-sort" data-testid={`positions-sort-${column}`} onClick={() => onSort(column)}>
        {label}
        {active && <span aria-hidden="true"> {active === "asc" ? "▲" : "▼"}</span>}
      </button>
    </th>
  );
}

/** Sums of the valued rows; the caption says how many rows that is and why the others are left out. */
function PositionTotalsRow({ totals: t, betaColumns }: { totals: PositionTotals; betaColumns: number }) {
  return (
    <tfoot>
      <tr className="totals" data-testid="positions-totals">
        <th scope="row" colSpan={4} data-testid="positions-totals-caption">Total · {totalsCaption(t)}</th>
        <td className="num" data-testid="total-market-value">{formatUsd(t.marketValue)}</td>
        <td className="num" data-testid="total-exposure">{formatUsd(t.exposure)}</td>
        <td className="num" data-testid="total-weight">{formatPct(t.weight)}</td>
        <td className={`num ${signClass(t.pnlDay)}`} data-testid="total-pnl-day">{formatUsd(t.pnlDay)}</td>
        <td className={`num ${signClass(t.pnlTotal)}`} data-testid="total-pnl-total">{formatUsd(t.pnlTotal)}</td>
        <td colSpan={2 + betaColumns} />
      </tr>
    </tfoot>
  );
}
