// Performance targets (README): analytics endpoints p95 ≤ 50 ms at 50 concurrent clients; Risk Metrics page ≤ 300 ms.
// autocannon runs in this process, so the load generator shares the machine's cores with the app.
import autocannon from "autocannon";
import { round, type BenchLine } from "./line";
import { signIn, startAppServer } from "./app-server";

const PORTFOLIO = "demo-hedgefund";
const ENDPOINTS = ["overview", "factors", "stress", "volatility", "var", "correlations", "concentration", "sectors"];
const CONNECTIONS = 50;

export interface LatencyOptions {
  databaseUrl: string;
  seconds: number;
  log: (m: string) => void;
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

async function measure(url: string, cookie: string, seconds: number, connections = CONNECTIONS): Promise<{ p50: number; p95: number; p99: number; rps: number }> {
  const times: number[] = [];
  const instance = autocannon({ url, connections, duration: seconds, headers: { cookie } });
  instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  const result = await instance;
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx responses, ${result.errors} errors under load`);
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), rps: result.requests.total / result.duration };
}

export async function benchApiLatency({ databaseUrl, seconds, log }: LatencyOptions): Promise<BenchLine[]> {
  const app = await startAppServer(databaseUrl, log);
  try {
    const cookie = await signIn(app.url, "hedgefund@riskline.dev", "riskline-demo");
    const targets: { name: string; path: string; target: number | null }[] = [
      // No session and one trivial query: the framework's own cost, for comparison.
      { name: "API /api/health (no session)", path: "/api/health", target: null },
      ...ENDPOINTS.map((e) => ({ name: `API …/${PORTFOLIO}/${e}`, path: `/api/portfolios/${PORTFOLIO}/${e}`, target: 50 })),
      { name: `page /portfolios/${PORTFOLIO}/risk`, path: `/portfolios/${PORTFOLIO}/risk`, target: 300 },
    ];
    const lines: BenchLine[] = [];
    for (const t of targets) {
      // One client first (it also warms the route up): the service time of a request without queueing.
      const serial = await measure(app.url + t.path, cookie, 2, 1);
      const m = await measure(app.url + t.path, cookie, seconds);
      log(`${t.name}: p50 ${round(m.p50, 1)} ms, p95 ${round(m.p95, 1)} ms, p99 ${round(m.p99, 1)} ms, ${round(m.rps, 0)} req/s; one client: p50 ${round(serial.p50, 1)} ms`);
      lines.push({
        name: `${t.name} p95, ${CONNECTIONS} clients`,
        value: round(m.p95, 1),
        unit: "ms",
        target: t.target,
        extra: { p50Ms: round(m.p50, 1), p99Ms: round(m.p99, 1), requestsPerSecond: round(m.rps, 0), oneClientP50Ms: round(serial.p50, 1) },
      });
    }
    return lines;
  } finally {
    await app.stop();
  }
}
