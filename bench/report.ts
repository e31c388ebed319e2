// The bench report: a table on the terminal and a JSON file per run (plus latest.json).
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Table from "cli-table3";
import { targetText, verdict, type BenchLine } from "./line";

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  mode: "full" | "quick";
  database: string;
  machine: { cpus: number; node: string; loadAverageAtStart: number[]; loadAverageAtEnd: number[] };
  lines: (BenchLine & { verdict: string })[];
}

export function buildReport(lines: readonly BenchLine[], o: { startedAt: Date; mode: "full" | "quick"; database: string; loadAtStart: number[] }): BenchReport {
  return {
    startedAt: o.startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    mode: o.mode,
    database: o.database,
    machine: { cpus: os.cpus().length, node: process.version, loadAverageAtStart: o.loadAtStart, loadAverageAtEnd: os.loadavg().map((l) => Math.round(l * 100) / 100) },
    lines: lines.map((l) => ({ ...l, verdict: verdict(l) })),
  };
}

const extraText = (l: BenchLine) =>
  Object.entries(l.extra ?? {})
    .filter(([k]) => !["measuredPortfolios", "measuredSeconds", "portfolioDays"].includes(k))
    .map(([k, v]) => `${k} ${typeof v === "number" ? v.toLocaleString("en-US") : v}`)
    .join(", ");

export function renderTable(report: BenchReport): string {
  const table = new Table({ head: ["line", "measured", "target", "result", "details"], wordWrap: true, colWidths: [52, 11, 12, 11, 62] });
  for (const l of report.lines) {
    table.push([l.name, `${l.value} ${l.unit}`, targetText(l), l.verdict, [extraText(l), l.note].filter(Boolean).join("; ")]);
  }
  return table.toString();
}

/** Markdown version of the table, for the README's Performance section. */
export function renderMarkdown(report: BenchReport): string {
  const rows = report.lines.map((l) => `| ${l.name} | ${l.value} ${l.unit} | ${targetText(l)} | ${l.verdict} | ${[extraText(l), l.note].filter(Boolean).join("; ")} |`);
  return ["| line | measured | target | result | details |", "|---|---|---|---|---|", ...rows].join("\n");
}

export function writeReport(report: BenchReport, dir = path.join(process.cwd(), "bench/results")): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${report.startedAt.replace(/[:.]/g, "-")}.json`);
  const text = `${JSON.stringify(report, null, 2)}\n`;
  writeFileSync(file, text);
  writeFileSync(path.join(dir, "latest.json"), text);
  return file;
}
