"use client";
// One portfolio's share of a run: per phase the counts by status, reasons and time spent, the
// phases × dates grid, a drill-down into rows, and "Rerun this portfolio" when something failed.
import { useState } from "react";
import { PHASE_LABELS, type PortfolioAggregate } from "@/lib/contracts/admin-runs";
import { ConfirmRunDialog, type PortfolioChoice } from "./confirm-run-dialog";
import { PhaseDrilldown, type DrillFilter } from "./phase-drilldown";
import { PhaseGrid } from "./phase-grid";
import { formatDuration } from "./run-labels";
import { StatusBadge } from "./status-badge";
import { TableRegion } from "@/components/table-region";
import { reasonLabel } from "@/lib/reason-codes";

interface Props {
  runId: string;
  portfolio: PortfolioAggregate;
  live: boolean;
  choice: PortfolioChoice | undefined;
  asOf: string;
}

export function PortfolioPhases({ runId, portfolio, live, choice, asOf }: Props) {
  const [drill, setDrill] = useState<DrillFilter | null>(null);
  const [rerun, setRerun] = useState(false);
  const from = portfolio.dates[0];
  const to = portfolio.dates.at(-1);
  const { byStatus } = portfolio;
  return (
    <section className="panel" data-testid={`portfolio-${portfolio.portfolioId}`} aria-label={portfolio.name}>
      <div className="row wrap">
        <h3>{portfolio.name}</h3>
        <StatusBadge status={portfolio.status} testId="portfolio-status" />
        <span className="muted small">
          {from ? `${from} → ${to} · ${portfolio.dates.length} dates` : "no dated rows"} · {byStatus.SUCCEEDED} succeeded · {byStatus.SKIPPED} skipped · {byStatus.FAILED} failed
          {byStatus.RUNNING > 0 && ` · ${byStatus.RUNNING} running`}
        </span>
        <span className="spacer" />
        {byStatus.FAILED > 0 && (
          <button type="button" className="secondary" onClick={() => setDrill({ portfolioId: portfolio.portfolioId, status: "FAILED" })}>
            Show failures
          </button>
        )}
        {portfolio.status === "FAILED" && !live && from && to && choice && (
          <button type="button" onClick={() => setRerun(true)}>
            Rerun this portfolio
          </button>
        )}
      </div>
      <TableRegion label="Phases by portfolio">
        <table className="phase-summary">
          <thead>
            <tr>
              <th>Phase</th>
              <th className="num">Succeeded</th>
              <th className="num">Skipped</th>
              <th className="num">Failed</th>
              <th className="num">Running</th>
              <th>Reasons</th>
              <th className="num">Time</th>
              <th className="num">Slowest</th>
            </tr>
          </thead>
          <tbody>
            {portfolio.phases.map((p) => (
              <tr key={p.phase} data-phase={p.phase} className="clickable" onClick={() => setDrill({ portfolioId: portfolio.portfolioId, phase: p.phase })}>
                <td>
                  <button type="button" className="link">{PHASE_LABELS[p.phase]}</button>
                </td>
                <td className="num">{p.byStatus.SUCCEEDED || ""}</td>
                <td className="num">{p.byStatus.SKIPPED || ""}</td>
                <td className={`num ${p.byStatus.FAILED ? "neg" : ""}`}>{p.byStatus.FAILED || ""}</td>
                <td className="num">{p.byStatus.RUNNING || ""}</td>
                <td className="small counts">{p.reasons.map((r) => `${reasonLabel(r.code)} × ${r.count}`).join("; ")}</td>
                <td className="num">{formatDuration(p.totalMs)}</td>
                <td className="num">{formatDuration(p.maxMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <PhaseGrid portfolio={portfolio} onPick={({ phase, date }) => setDrill({ portfolioId: portfolio.portfolioId, phase, date })} />
      {drill && <PhaseDrilldown runId={runId} filter={drill} live={live} onClose={() => setDrill(null)} />}
      {rerun && from && to && choice && (
        <ConfirmRunDialog draft={{ kind: "force", portfolioIds: [portfolio.portfolioId], from, to }} portfolios={[choice]} asOf={asOf} onClose={() => setRerun(false)} />
      )}
    </section>
  );
}
