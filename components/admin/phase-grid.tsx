"use client";
// A portfolio's phases × dates as one compact grid of coloured cells (a 250-day back-fill is 2,000
// cells); clicking a cell drills into that date.
import { type BatchPhaseName, GRID_CODES, PHASE_LABELS, type PhaseStatus, type PortfolioAggregate } from "@/lib/contracts/admin-runs";
import { TableRegion } from "@/components/table-region";

const COLORS: Record<PhaseStatus, string> = { SUCCEEDED: "#2f9e5f", SKIPPED: "#e0a030", FAILED: "#d14030", RUNNING: "#1f5eff" };

// Decodes the grid strings by the codes the server encodes them with.
const CELL: Record<string, { status: string; color: string }> = Object.fromEntries(
  (Object.entries(GRID_CODES) as [PhaseStatus, string][]).map(([status, code]) => [code, { status: status.toLowerCase(), color: COLORS[status] }]),
);

const CELL_W = 6;
const CELL_H = 14;
const LABEL_W = 150;
/** Room for the first and last dates apart, or for one "first → last" label. */
const DATE_AXIS_W = 130;

export function PhaseGrid({ portfolio, onPick }: { portfolio: PortfolioAggregate; onPick: (pick: { phase: BatchPhaseName; date: string }) => void }) {
  const rows = portfolio.phases.filter((p) => portfolio.grid[p.phase]);
  const { dates } = portfolio;
  if (dates.length === 0 || rows.length === 0) return null;
  const cellsW = dates.length * CELL_W;
  // Over fewer cells the first and last dates would overlap: one "first → last" label instead.
  const apart = cellsW >= DATE_AXIS_W;
  const width = LABEL_W + (apart ? cellsW : DATE_AXIS_W);
  return (
    <TableRegion className="phase-grid" label={`${portfolio.name}: phase grid`}>
      <svg width={width} height={rows.length * (CELL_H + 2) + 18} role="img" aria-label={`${portfolio.name}: phases by date`}>
        {rows.map((p, row) => {
          const y = row * (CELL_H + 2);
          const cells = portfolio.grid[p.phase] ?? "";
          return (
            <g key={p.phase}>
              <text x={0} y={y + CELL_H - 3} fontSize={11} fill="#5b6472">
                {PHASE_LABELS[p.phase]}
              </text>
              {[...cells].map((code, i) => {
                const cell = CELL[code];
                if (!cell) return null;
                return (
                  <rect key={i} x={LABEL_W + i * CELL_W} y={y} width={CELL_W - 1} height={CELL_H} fill={cell.color} onClick={() => onPick({ phase: p.phase, date: dates[i]! })}>
                    <title>{`${PHASE_LABELS[p.phase]} ${dates[i]}: ${cell.status}`}</title>
                  </rect>
                );
              })}
            </g>
          );
        })}
        <text x={LABEL_W} y={rows.length * (CELL_H + 2) + 12} fontSize={10} fill="#5b6472">
          {apart || dates.length === 1 ? dates[0] : `${dates[0]} → ${dates.at(-1)}`}
        </text>
        {apart && (
          <text x={width} y={rows.length * (CELL_H + 2) + 12} fontSize={10} fill="#5b6472" textAnchor="end">
            {dates.at(-1)}
          </text>
        )}
      </svg>
    </TableRegion>
  );
}
