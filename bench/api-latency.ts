// API targets (README, "Performance"), relative to /api/health measured in the same run: each
// analytics endpoint serves ≥ 70 % of health's requests per second at 50 connections, and one
// client's p50 is ≤ 2 × health's. autocannon runs in this process, so the load generator shares the
// machine's cores with the app.
import autocannon from "autocannon";
import { atLeast, atMost, round, type BenchLine } from "./line";
import type { Yardsticks } from "./yardstick";

const PORTFOLIO = "demo-hedgefund";
const ENDPOINTS = ["overview", "factors", "stress", "volatility", "var", "correlations", "concentration", "sectors"];
const CONNECTIONS = 50;
const RPS_SHARE = 0.7;
const ONE_CLIENT_RATIO = 2;

export interface LatencyOptions {
  /** The app under test and a signed-in session's Cookie header (bench/app-server.ts). */
  appUrl: string;
  cookie: string;
  seconds: number;
  log: (m: string) => void;
}

interface Measure {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

async function measure(url: string, cookie: string, seconds: number, connections = CONNECTIONS): Promise<Measure> {
  const times: number[] = [];
  const instance = autocannon({ url, connections, duration: seconds, headers: { cookie } });
  instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  const result = await instance;
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx responses, ${result.errors} errors under load`);
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), rps: result.requests.total / result.duration };
}

/** One client first (it also warms the route up): the service time of a request without queueing. Then 50. */
async function measureBoth(url: string, cookie: string, seconds: number): Promise<{ serial: Measure; loaded: Measure }> {
  const serial = await measure(url, cookie, Math.max(2, seconds / 2), 1);
  return { serial, loaded: await measure(url, cookie, seconds) };
}

const extra = ({ serial, loaded }: { serial: Measure; loaded: Measure }) => ({
  requestsPerSecond: round(loaded.rps, 0),
  p50Ms: round(loaded.p50, 1),
  p95Ms: round(loaded.p95, 1),
  oneClientP50Ms: round(serial.p50, 1),
});

/**
 * Health is measured again right before each endpoint and the endpoint divided by that measurement: the
 * machine's load drifts over the minutes the lines take (a shared machine, the app's own garbage
 * collection), and a ratio is fair only between two measurements taken under the same load.
 */
export async function benchApiLatency({ appUrl, cookie, seconds, log }: LatencyOptions): Promise<{ lines: BenchLine[]; health: NonNullable<Yardsticks["health"]> }> {
  // No session and one trivial query: the framework's own cost, the yardstick of every API line.
  const measureHealth = () => measureBoth(`${appUrl}/api/health`, cookie, seconds);
  const first = await measureHealth();
  const healths = [first];
  const lines: BenchLine[] = [];
  const targets = [
    ...ENDPOINTS.map((e) => ({ name: `API …/${e}`, path: `/api/portfolios/${PORTFOLIO}/${e}`, target: true })),
    { name: `page /portfolios/${PORTFOLIO}/risk`, path: `/portfolios/${PORTFOLIO}/risk`, target: false },
  ];
  for (const [i, t] of targets.entries()) {
    const h = i === 0 ? first : await measureHealth();
    if (i > 0) healths.push(h);
    const m = await measureBoth(appUrl + t.path, cookie, seconds);
    log(`${t.name}: ${round(m.loaded.rps, 0)} req/s, p50 ${round(m.loaded.p50, 1)} ms; one client p50 ${round(m.serial.p50, 1)} ms (health just before: ${round(h.loaded.rps, 0)} req/s, one client p50 ${round(h.serial.p50, 2)} ms)`);
    const compared = { healthRequestsPerSecond: round(h.loaded.rps, 0), healthOneClientP50Ms: round(h.serial.p50, 2) };
    lines.push({
      name: `${t.name}: req/s ÷ health's`,
      value: round(m.loaded.rps / h.loaded.rps),
      unit: "× health",
      target: t.target ? atLeast(RPS_SHARE) : null,
      extra: { ...extra(m), ...compared },
    });
    lines.push({
      name: `${t.name}: one client p50 ÷ health's`,
      value: round(m.serial.p50 / h.serial.p50),
      unit: "× health",
      target: t.target ? atMost(ONE_CLIENT_RATIO) : null,
    });
  }
  const median = (xs: number[]) => percentile(xs.sort((a, b) => a - b), 50);
  const health = { requestsPerSecond: round(median(healths.map((h) => h.loaded.rps)), 0), oneClientP50Ms: round(median(healths.map((h) => h.serial.p50)), 2) };
  log(`/api/health: median ${health.requestsPerSecond} req/s at ${CONNECTIONS} connections over ${healths.length} measurements (${healths.map((h) => round(h.loaded.rps, 0)).join(", ")}); one client p50 ${health.oneClientP50Ms} ms`);
  lines.unshift({
    name: `API /api/health (yardstick), ${CONNECTIONS} connections, median of ${healths.length}`,
    value: health.requestsPerSecond,
    unit: "req/s",
    target: null,
    extra: { ...extra(first), measurements: healths.map((h) => round(h.loaded.rps, 0)).join(" ") },
  });
  return { lines, health };
}
