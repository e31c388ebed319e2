"use client";
// The History page: each factor's beta and dollars, volatility and its forecasts, VaR/ES and one stress
// scenario's P&L over a chosen range ending on the page's date (?date=, else the latest day). Each chart
// reads its endpoint once up to that date and shows the range's days; its CSV link holds the same range.
import { useState, type ReactNode } from "react";
import { useAsOfDate } from "@/components/date-travel/use-as-of-date";
import { CsvLink } from "@/components/export/csv-link";
import { keepPreviousData, useQuery, type UseQueryResult } from "@tanstack/react-query";
import { apiQuery, useApi } from "@/components/use-api";
import { FACTOR_LIST, type FactorKey } from "@/lib/factors/registry";
import { formatNum, formatNumTick, formatPct, formatPctTick, formatUsd, formatUsdTick } from "@/lib/format";
import { type HistoryRange, pointsInRange, rangeFrom } from "@/lib/history-range";
import { varHistoryAsLosses } from "@/lib/history-var-losses";
import { type ChartSpec, HistoryLineChart } from "./history-line-chart";
import { HistorySection, SeriesReasons } from "./history-section";
import { RangeSelector } from "./range-selector";

export function HistoryView({ portfolioId }: { portfolioId: string }) {
  const date = useAsOfDate();
  const [range, setRange] = useState<HistoryRange>("1Y");
  const props = { portfolioId, date, range };
  return (
    <>
      <div className="history-controls">
        <RangeSelector value={range} onChange={setRange} />
        <span className="muted">ending {date ?? "on the latest day"}</span>
      </div>
      <FactorHistory {...props} />
      <VolatilityHistory {...props} />
      <VarHistory {...props} />
      <StressHistory {...props} />
    </>
  );
}

interface Props {
  portfolioId: string;
  date: string | undefined;
  range: HistoryRange;
}

/** The CSV query of a range: the days the chart shows. */
const csvRange = (to: string | null, range: HistoryRange) => (to === null ? {} : { from: rangeFrom(to, range), to });

/** What a panel shows of its answer. No point (or a series not available): no chart, only the reasons. */
interface PanelView<P> {
  reasons: (string | null)[];
  points: readonly P[];
  charts: ChartSpec<P>[];
  csv: { file: string; about: string; query?: Record<string, string> };
}

/** A History panel: the reasons of the series with no value, its charts over the range's days (two side
 *  by side) and its CSV link holding the same range. */
function HistoryPanel<R extends { to: string | null }, P extends { date: string }>({
  portfolioId,
  range,
  title,
  testId,
  query,
  controls,
  view,
}: Omit<Props, "date"> & { title: string; testId: string; query: UseQueryResult<R>; controls?: ReactNode; view: (d: R) => PanelView<P> }) {
  return (
    <HistorySection title={title} testId={testId} query={query} methodology="history" controls={controls}>
      {(d) => {
        const { reasons, points, charts, csv } = view(d);
        const shown = pointsInRange(points, d.to, range);
        const drawn = charts.map((c) => <HistoryLineChart key={c.testId} points={shown} {...c} />);
        return (
          <>
            <SeriesReasons reasons={reasons} />
            {points.length > 0 && (drawn.length > 1 ? <div className="history-pair">{drawn}</div> : drawn)}
            <CsvLink portfolioId={portfolioId} file={csv.file} query={{ ...csv.query, ...csvRange(d.to, range) }} about={csv.about} />
          </>
        );
      }}
    </HistorySection>
  );
}

/** A panel's choice of what its chart shows (a factor, a method, a scenario). */
function Choice<V extends string>({ label, value, onChange, options, testId }: { label: string; value: V; onChange: (v: V) => void; options: readonly { value: V; label: string }[]; testId: string }) {
  return (
    <label className="inline-field">
      {label}{" "}
      <select value={value} onChange={(e) => onChange(e.target.value as V)} data-testid={testId}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </label>
  );
}

function FactorHistory({ portfolioId, date, range }: Props) {
  const [factor, setFactor] = useState<FactorKey>("MARKET");
  const query = useApi("factorHistory", portfolioId, date === undefined ? {} : { to: date });
  return (
    <HistoryPanel
      portfolioId={portfolioId}
      range={range}
      title="Factor exposure history"
      testId="history-factors"
      query={query}
      controls={<Choice label="Factor" value={factor} onChange={setFactor} options={FACTOR_LIST.map((f) => ({ value: f.key, label: f.displayName }))} testId="history-factor-select" />}
      view={(d) => {
        const meta = d.factors.find((f) => f.factor === factor)!;
        return {
          reasons: [meta.unavailable],
          points: meta.unavailable === null ? d.points.map((p) => ({ date: p.date, beta: p.beta[factor], dollars: p.dollars[factor] })) : [],
          charts: [
            { series: [{ key: "beta", name: "Beta", colour: "var(--chart-1)" }], label: `${meta.displayName}: beta over time`, testId: "history-factor-beta-chart", format: (v) => formatNum(v, 3), tickFormat: formatNumTick },
            { series: [{ key: "dollars", name: "Dollar exposure", colour: "var(--chart-3)" }], label: `${meta.displayName}: dollar exposure over time`, testId: "history-factor-dollars-chart", format: (v) => formatUsd(v), tickFormat: formatUsdTick },
          ],
          csv: { file: "history-factors", about: "factor exposure history" },
        };
      }}
    />
  );
}

function VolatilityHistory({ portfolioId, date, range }: Props) {
  const query = useApi("volatilityHistory", portfolioId, date === undefined ? {} : { to: date });
  return (
    <HistoryPanel
      portfolioId={portfolioId}
      range={range}
      title="Volatility history"
      testId="history-volatility"
      query={query}
      view={(d) => ({
        reasons: Object.values(d.unavailable),
        points: d.points,
        charts: [
          {
            series: [
              { key: "vol21", name: "Realized 21d", colour: "var(--chart-1)" },
              { key: "vol63", name: "Realized 63d", colour: "var(--chart-4)" },
              { key: "forecastHar", name: "HAR forecast", colour: "var(--chart-2)", dash: "4 3" },
              { key: "forecastEwma", name: "EWMA forecast", colour: "var(--chart-3)", dash: "2 2" },
            ],
            label: "Realized volatility (21 and 63 days) and the HAR and EWMA forecasts over time",
            testId: "history-volatility-chart",
            format: (v) => formatPct(v, 1),
            tickFormat: formatPctTick,
          },
        ],
        csv: { file: "history-volatility", about: "volatility history" },
      })}
    />
  );
}

const METHODS = [
  { value: "Hist", label: "Historical" },
  { value: "Param", label: "Parametric" },
] as const;

function VarHistory({ portfolioId, date, range }: Props) {
  const [method, setMethod] = useState<"Hist" | "Param">("Hist");
  const query = useApi("varHistory", portfolioId, date === undefined ? {} : { to: date });
  const m = method;
  return (
    <HistoryPanel
      portfolioId={portfolioId}
      range={range}
      title="VaR and ES history (1 day)"
      testId="history-var"
      query={query}
      controls={<Choice label="Method" value={method} onChange={setMethod} options={METHODS} testId="history-var-method" />}
      view={(d) => ({
        reasons: [d.unavailable[`var95${m}`], d.unavailable[`var99${m}`], d.unavailable[`es95${m}`], d.unavailable[`es99${m}`]],
        // Losses below zero, as the VaR table and the stress tests show them; formatUsd then reads "-$116,438" as formatLossUsd does.
        points: varHistoryAsLosses(d.points),
        charts: [
          {
            series: [
              { key: `var95${m}` as const, name: "VaR 95 % loss", colour: "var(--chart-1)" },
              { key: `var99${m}` as const, name: "VaR 99 % loss", colour: "var(--chart-4)" },
              { key: `es95${m}` as const, name: "ES 95 % loss", colour: "var(--chart-2)", dash: "4 3" },
              { key: `es99${m}` as const, name: "ES 99 % loss", colour: "var(--chart-3)", dash: "2 2" },
            ],
            label: `${method === "Hist" ? "Historical" : "Parametric"} 1-day VaR and ES at 95 and 99 % over time, as dollar losses (shown negative)`,
            testId: "history-var-chart",
            format: (v) => formatUsd(v),
            tickFormat: formatUsdTick,
          },
        ],
        csv: { file: "history-var", about: "VaR and ES history" },
      })}
    />
  );
}

function StressHistory({ portfolioId, date, range }: Props) {
  // The scenarios the book computes on the range's last day (built-in, shared, its manager's own).
  const scenarios = useApi("stress", portfolioId, date === undefined ? {} : { date });
  const [scenario, setScenario] = useState("MARKET_CRASH");
  // The previous scenario's lines stay until the next one's arrive: the chart does not blink.
  const query = useQuery({ ...apiQuery("stressHistory", portfolioId, { scenario, ...(date === undefined ? {} : { to: date }) }), placeholderData: keepPreviousData });
  return (
    <HistoryPanel
      portfolioId={portfolioId}
      range={range}
      title="Stress scenario history"
      testId="history-stress"
      query={query}
      controls={
        <Choice
          label="Scenario"
          value={scenario}
          onChange={setScenario}
          options={(scenarios.data?.available ? scenarios.data.scenarios : [{ scenarioKey: scenario, name: scenario }]).map((s) => ({ value: s.scenarioKey, label: s.name }))}
          testId="history-scenario-select"
        />
      }
      view={(d) => ({
        reasons: Object.values(d.unavailable),
        points: d.points,
        charts: [
          {
            series: [
              { key: "directPnl", name: "Direct P&L", colour: "var(--chart-1)" },
              { key: "correlatedPnl", name: "Correlated P&L", colour: "var(--chart-2)", dash: "4 3" },
            ],
            label: `${d.scenario.name}: direct and correlated P&L over time`,
            testId: "history-stress-chart",
            format: (v) => formatUsd(v),
            tickFormat: formatUsdTick,
          },
        ],
        csv: { file: "history-stress", about: `${d.scenario.name} history`, query: { scenario: d.scenario.key } },
      })}
    />
  );
}
