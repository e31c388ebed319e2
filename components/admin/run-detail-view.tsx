"use client";
// A run's page: header with live progress (polled every second while RUNNING), run-level phases,
// time per phase, and per portfolio its phase aggregates with filters on status and portfolio.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { apiQuery } from "@/components/use-api";
import { PHASE_LABELS, PHASE_STATUSES, type RunDetailResponse as RunDetail } from "@/lib/contracts/admin-runs";
import type { PortfolioChoice } from "./confirm-run-dialog";
import { PhaseDurationChart } from "./phase-duration-chart";
import { PhaseRowsTable } from "./phase-rows-table";
import { PortfolioPhases } from "./portfolio-phases";
import { countsLabel, formatDuration, formatTime, rangeLabel, runDurationMs, scopeLabel, triggerLabel } from "./run-labels";
import { StatusBadge } from "./status-badge";

function Progress({ detail }: { detail: RunDetail }) {
  const { done, running, expected, current } = detail.progress;
  const pct = expected ? Math.min(100, (done / expected) * 100) : null;
  return (
    <div className="progress-block" data-testid="run-progress">
      {pct !== null && (
        <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(pct)}>
          <div style={{ width: `${pct}%` }} />
        </div>
      )}
      <span className="muted small">
        {done}
        {expected ? ` / ${expected}` : ""} portfolio phase rows done{running ? `, ${running} running` : ""}
        {current && ` · now: ${PHASE_LABELS[current.phase]}${current.date ? ` ${current.date}` : ""}`}
      </span>
    </div>
  );
}

export function RunDetailView({ runId, portfolios, asOf }: { runId: string; portfolios: PortfolioChoice[]; asOf: string }) {
  const [status, setStatus] = useState("");
  const [portfolioId, setPortfolioId] = useState("");
  const query = useQuery({
    ...apiQuery("run", runId),
    // Live progress while the run works; polling stops once it has finished.
    refetchInterval: (q) => (q.state.data?.run.status === "RUNNING" ? 1000 : false),
    staleTime: 0,
  });
  if (query.isPending) return <p className="muted">Loading the run…</p>;
  if (query.error) return <p role="alert" className="error">Could not load the run: {query.error.message}</p>;
  const detail = query.data;
  const { run } = detail;
  const live = run.status === "RUNNING";
  const shown = detail.portfolios.filter((p) => (!status || p.status === status) && (!portfolioId || p.portfolioId === portfolioId));
  const choices = new Map(portfolios.map((p) => [p.id, p]));
  return (
    <>
      <section className="panel" aria-label="Run">
        <div className="row wrap">
          <h2>Run as of {run.asOfDate}</h2>
          <StatusBadge status={run.status} testId="run-status" />
          <span className="spacer" />
          <span className="muted small">{run.id}</span>
        </div>
        <dl className="facts">
          <dt>Trigger</dt>
          <dd>{triggerLabel(run)}</dd>
          <dt>Scope</dt>
          <dd>
            {scopeLabel(run)} · {rangeLabel(run)}
          </dd>
          <dt>Started</dt>
          <dd>{formatTime(run.startedAt)}</dd>
          <dt>Finished</dt>
          <dd>{formatTime(run.finishedAt)}</dd>
          <dt>Duration</dt>
          <dd>{formatDuration(runDurationMs(run, query.dataUpdatedAt))}</dd>
          <dt>Executor</dt>
          <dd>{run.executor}</dd>
          {run.counts && (
            <>
              <dt>Counts</dt>
              <dd>{countsLabel(run.counts)}</dd>
            </>
          )}
        </dl>
        {live && <Progress detail={detail} />}
        {run.errorMessage && (
          <details className="error-block">
            <summary className="error">{run.errorMessage}</summary>
            {run.errorStack && <pre className="stack">{run.errorStack}</pre>}
          </details>
        )}
      </section>

      <section className="panel" aria-label="Run-level phases">
        <h2>Run-level phases</h2>
        {detail.runPhases.length === 0 ? <p className="muted">None recorded yet.</p> : <PhaseRowsTable rows={detail.runPhases} showDate={false} testId="run-phases" />}
      </section>

      <section className="panel" aria-label="Time per phase">
        <h2>Time per phase</h2>
        <PhaseDurationChart detail={detail} />
      </section>

      <div className="row wrap">
        <h2>Portfolios</h2>
        <span className="spacer" />
        <label className="field inline">
          <span>Status</span>
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">All</option>
            {PHASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s.toLowerCase()}
              </option>
            ))}
          </select>
        </label>
        <label className="field inline">
          <span>Portfolio</span>
          <select value={portfolioId} onChange={(e) => setPortfolioId(e.target.value)}>
            <option value="">All</option>
            {detail.portfolios.map((p) => (
              <option key={p.portfolioId} value={p.portfolioId}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {detail.portfolios.length === 0 && <p className="muted">No portfolio phase has reported yet.</p>}
      {detail.portfolios.length > 0 && shown.length === 0 && <p className="muted">No portfolio matches the filters.</p>}
      {shown.map((p) => (
        <PortfolioPhases key={p.portfolioId} runId={runId} portfolio={p} live={live} choice={choices.get(p.portfolioId)} asOf={asOf} />
      ))}
    </>
  );
}
