"use client";
// The History page: each factor's beta and dollars, volatility and its forecasts, VaR/ES and one stress
// scenario's P&L over a chosen range ending on the page's date (?date=, else the latest day). Each chart
// reads its endpoint once up to that date and shows the range's days; its CSV link holds the same range.
import { useState } from "react";
import { useAsOfDate } from "@/components/date-travel/use-as-of-date";
import { CsvLink } from "@/components/export/csv-link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiQuery, useApi } from "@/components/use-api";
import { FACTOR_LIST, type FactorKey } from "@/lib/factors/registry";
import { formatNum, formatNumTick, formatPct, formatPctTick, formatUsd, formatUsdTick } from "@/lib/format";
import { type HistoryRange, pointsInRange, rangeFrom } from "@/lib/history-range";
import { HistoryLineChart } from "./history-line-chart";
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

function FactorHistory({ portfolioId, date, range }: Props) {
  const [factor, setFactor] = useState<FactorKey>("MARKET");
  const query = useApi("factorHistory", portfolioId, date === undefined ? {} : { to: date });
  return (
    <HistorySection
      title="Factor exposure history"
      testId="history-factors"
      query={query}
      methodology="history"
      controls={
        <label className="inline-field">
          Factor{" "}
          <select value={factor} onChange={(e) => setFactor(e.target.value as FactorKey)} data-testid="history-factor-select">
            {FACTOR_LIST.map((f) => (
              <option key={f.key} value={f.key}>{f.displayName}</option>
            ))}
          </select>
        </label>
      }
    >
      {(d) => {
        const meta = d.factors.find((f) => f.factor === factor)!;
        const points = pointsInRange(d.points, d.to, range).map((p) => ({ date: p.date, beta: p.beta[factor], dollars: p.dollars[factor] }));
        return (
          <>
            <SeriesReasons reasons={[meta.unavailable]} />
            {meta.unavailable === null && (
              <div className="history-pair">
                <HistoryLineChart points={points} series={[{ key: "beta", name: "Beta", colour: "var(--chart-1)" }]} label={`${meta.displayName}: beta over time`} testId="history-factor-beta-chart" format={(v) => formatNum(v, 3)} tickFormat={formatNumTick} />
                <HistoryLineChart points={points} series={[{ key: "dollars", name: "Dollar exposure", colour: "var(--chart-3)" }]} label={`${meta.displayName}: dollar exposure over time`} testId="history-factor-dollars-chart" format={(v) => formatUsd(v)} tickFormat={formatUsdTick} />
              </div>
            )}
            <CsvLink portfolioId={portfolioId} file="history-factors" query={csvRange(d.to, range)} about="factor exposure history" />
          </>
        );
      }}
    </HistorySection>
  );
}

function VolatilityHistory({ portfolioId, date, range }: Props) {
  const query = useApi("volatilityHistory", portfolioId, date === undefined ? {} : { to: date });
  return (
    <HistorySection title="Volatility history" testId="history-volatility" query={query} methodology="history">
      {(d) => (
        <>
          <SeriesReasons reasons={Object.values(d.unavailable)} />
          {d.points.length > 0 && (
            <HistoryLineChart
              points={pointsInRange(d.points, d.to, range)}
              series={[
                { key: "vol21", name: "Realized 21d", colour: "var(--chart-1)" },
                { key: "vol63", name: "Realized 63d", colour: "var(--chart-4)" },
                { key: "forecastHar", name: "HAR forecast", colour: "var(--chart-2)", dash: "4 3" },
                { key: "forecastEwma", name: "EWMA forecast", colour: "var(--chart-3)", dash: "2 2" },
              ]}
              label="Realized volatility (21 and 63 days) and the HAR and EWMA forecasts over time"
              testId="history-volatility-chart"
              format={(v) => formatPct(v, 1)}
              tickFormat={formatPctTick}
            />
          )}
          <CsvLink portfolioId={portfolioId} file="history-volatility" query={csvRange(d.to, range)} about="volatility history" />
        </>
      )}
    </HistorySection>
  );
}

function VarHistory({ portfolioId, date, range }: Props) {
  const [method, setMethod] = useState<"Hist" | "Param">("Hist");
  const query = useApi("varHistory", portfolioId, date === undefined ? {} : { to: date });
  const m = method;
  return (
    <HistorySection
      title="VaR and ES history (1 day)"
      testId="history-var"
      query={query}
      methodology="history"
      controls={
        <label className="inline-field">
          Method{" "}
          <select value={method} onChange={(e) => setMethod(e.target.value as "Hist" | "Param")} data-testid="history-var-method">
            <option value="Hist">Historical</option>
            <option value="Param">Parametric</option>
          </select>
        </label>
      }
    >
      {(d) => (
        <>
          <SeriesReasons reasons={[d.unavailable[`var95${m}`], d.unavailable[`var99${m}`], d.unavailable[`es95${m}`], d.unavailable[`es99${m}`]]} />
          {d.points.length > 0 && (
            <HistoryLineChart
              points={pointsInRange(d.points, d.to, range)}
              series={[
                { key: `var95${m}`, name: "VaR 95 %", colour: "var(--chart-1)" },
                { key: `var99${m}`, name: "VaR 99 %", colour: "var(--chart-4)" },
                { key: `es95${m}`, name: "ES 95 %", colour: "var(--chart-2)", dash: "4 3" },
                { key: `es99${m}`, name: "ES 99 %", colour: "var(--chart-3)", dash: "2 2" },
              ]}
              label={`${method === "Hist" ? "Historical" : "Parametric"} 1-day VaR and ES at 95 and 99 % over time, in dollars`}
              testId="history-var-chart"
              format={(v) => formatUsd(v)}
              tickFormat={formatUsdTick}
            />
          )}
          <CsvLink portfolioId={portfolioId} file="history-var" query={csvRange(d.to, range)} about="VaR and ES history" />
        </>
      )}
    </HistorySection>
  );
}

function StressHistory({ portfolioId, date, range }: Props) {
  // The scenarios the book computes on the range's last day (built-in, shared, its manager's own).
  const scenarios = useApi("stress", portfolioId, date === undefined ? {} : { date });
  const [scenario, setScenario] = useState("MARKET_CRASH");
  // The previous scenario's lines stay until the next one's arrive: the chart does not blink.
  const query = useQuery({ ...apiQuery("stressHistory", portfolioId, { scenario, ...(date === undefined ? {} : { to: date }) }), placeholderData: keepPreviousData });
  return (
    <HistorySection
      title="Stress scenario history"
      testId="history-stress"
      query={query}
      methodology="history"
      controls={
        <label className="inline-field">
          Scenario{" "}
          <select value={scenario} onChange={(e) => setScenario(e.target.value)} data-testid="history-scenario-select">
            {(scenarios.data?.available ? scenarios.data.scenarios : [{ scenarioKey: scenario, name: scenario }]).map((s) => (
              <option key={s.scenarioKey} value={s.scenarioKey}>{s.name}</option>
            ))}
          </select>
        </label>
      }
    >
      {(d) => (
        <>
          <SeriesReasons reasons={Object.values(d.unavailable)} />
          {d.points.length > 0 && (
            <HistoryLineChart
              points={pointsInRange(d.points, d.to, range)}
              series={[
                { key: "directPnl", name: "Direct P&L", colour: "var(--chart-1)" },
                { key: "correlatedPnl", name: "Correlated P&L", colour: "var(--chart-2)", dash: "4 3" },
              ]}
              label={`${d.scenario.name}: direct and correlated P&L over time`}
              testId="history-stress-chart"
              format={(v) => formatUsd(v)}
              tickFormat={formatUsdTick}
            />
          )}
          <CsvLink portfolioId={portfolioId} file="history-stress" query={{ scenario: d.scenario.key, ...csvRange(d.to, range) }} about={`${d.scenario.name} history`} />
        </>
      )}
    </HistorySection>
  );
}
