// Interface targets (README, "Performance"): Lighthouse on the Risk Metrics page of the demo hedge fund,
// signed in: desktop performance ≥ 90, accessibility and best practices 100, layout shift ≤ 0.05, mobile
// performance ≥ 75. Scores are lower bounds (`atLeast`).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import lighthouse, { type Config, type Flags } from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { atLeast, atMost, round, type BenchLine } from "./line";

const PAGE = "/portfolios/demo-hedgefund/risk";
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface LighthouseOptions {
  baseUrl: string;
  /** The Cookie header of a signed-in session (bench/app-server.ts signIn). */
  cookie?: string;
  log: (m: string) => void;
}

/** Headless Chromium with a DevTools port for Lighthouse to drive; resolves once it listens. */
function launchChromium(): Promise<{ port: number; stop: () => Promise<void> }> {
  const profile = mkdtempSync(path.join(os.tmpdir(), "riskline-lighthouse-"));
  const child: ChildProcess = spawn(
    CHROMIUM,
    ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions", `--user-data-dir=${profile}`, "--remote-debugging-port=0", "about:blank"],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  // Chromium writes its profile until it has exited: the folder goes only then.
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
  };
  return new Promise((resolve, reject) => {
    let err = "";
    const timer = setTimeout(() => void stop().then(() => reject(new Error(`Chromium did not open its DevTools port within 30 s: ${err}`))), 30_000);
    child.stderr!.on("data", (chunk: Buffer) => {
      err += chunk.toString();
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve({ port: Number(m[1]), stop });
      }
    });
    child.once("exit", (code) => (clearTimeout(timer), reject(new Error(`Chromium exited with ${code}: ${err}`))));
  });
}

interface Scores {
  performance: number;
  accessibility: number;
  bestPractices: number;
  cls: number;
  lcpMs: number;
  tbtMs: number;
}

async function audit(port: number, url: string, cookie: string | undefined, config: Config | undefined): Promise<Scores> {
  const flags: Flags = { port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility", "best-practices"], ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}) };
  const result = await lighthouse(url, flags, config);
  if (!result) throw new Error("Lighthouse returned no result");
  const { categories, audits, runtimeError } = result.lhr;
  if (runtimeError) throw new Error(`Lighthouse: ${runtimeError.code} ${runtimeError.message}`);
  const score = (key: string) => Math.round((categories[key]?.score ?? Number.NaN) * 100);
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    cls: audits["cumulative-layout-shift"]?.numericValue ?? Number.NaN,
    lcpMs: audits["largest-contentful-paint"]?.numericValue ?? Number.NaN,
    tbtMs: audits["total-blocking-time"]?.numericValue ?? Number.NaN,
  };
}

export async function benchLighthouse({ baseUrl, cookie, log }: LighthouseOptions): Promise<BenchLine[]> {
  const url = baseUrl + PAGE;
  const chromium = await launchChromium();
  try {
    // One unmeasured load first: the route's first render and the analytics caches warm up.
    await audit(chromium.port, url, cookie, desktopConfig);
    const desktop = await audit(chromium.port, url, cookie, desktopConfig);
    log(`Lighthouse desktop ${PAGE}: performance ${desktop.performance}, accessibility ${desktop.accessibility}, best practices ${desktop.bestPractices}, CLS ${round(desktop.cls, 3)}, LCP ${round(desktop.lcpMs, 0)} ms, TBT ${round(desktop.tbtMs, 0)} ms`);
    const mobile = await audit(chromium.port, url, cookie, undefined);
    log(`Lighthouse mobile ${PAGE}: performance ${mobile.performance}, CLS ${round(mobile.cls, 3)}, LCP ${round(mobile.lcpMs, 0)} ms, TBT ${round(mobile.tbtMs, 0)} ms`);
    const extra = (s: Scores) => ({ lcpMs: round(s.lcpMs, 0), totalBlockingTimeMs: round(s.tbtMs, 0), cls: round(s.cls, 3) });
    return [
      { name: `Lighthouse desktop performance, ${PAGE}`, value: desktop.performance, unit: "score", target: atLeast(90), extra: extra(desktop) },
      { name: `Lighthouse desktop accessibility, ${PAGE}`, value: desktop.accessibility, unit: "score", target: atLeast(100) },
      { name: `Lighthouse desktop best practices, ${PAGE}`, value: desktop.bestPractices, unit: "score", target: atLeast(100) },
      { name: `Lighthouse desktop cumulative layout shift, ${PAGE}`, value: round(desktop.cls, 3), unit: "", target: atMost(0.05) },
      { name: `Lighthouse mobile performance, ${PAGE}`, value: mobile.performance, unit: "score", target: atLeast(75), extra: extra(mobile) },
    ];
  } finally {
    await chromium.stop();
  }
}
