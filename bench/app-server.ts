// The built app (`npm run serve`) on a free port against a bench database, and a signed-in session.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

export interface AppServer {
  url: string;
  stop: () => Promise<void>;
}

const root = process.cwd();
const nextBin = path.join(root, "node_modules/.bin/next");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the app server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the app did not answer ${url}/api/health within ${timeoutMs / 1000} s`);
}

export async function startAppServer(databaseUrl: string, log: (m: string) => void): Promise<AppServer> {
  const env = { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1", BETTER_AUTH_SECRET: randomBytes(32).toString("hex") };
  if (!existsSync(path.join(root, ".next/BUILD_ID"))) {
    log("building the app (no .next/BUILD_ID)…");
    const build = spawnSync(nextBin, ["build"], { stdio: "inherit", env });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // Served as in production (scripts/serve.ts: Next behind the server that sets the client address).
  const serve = [path.join(root, "node_modules/.bin/tsx"), path.join(root, "scripts/serve.ts")] as const;
  const child = spawn(serve[0], serve.slice(1), { env: { ...env, APP_URL: url, HOST: "127.0.0.1", PORT: String(port) }, stdio: ["ignore", "ignore", "inherit"] });
  try {
    await waitForHealth(url, child);
  } catch (e) {
    child.kill("SIGTERM");
    throw e;
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** Signs in once (better-auth rate-limits sign-in) and returns the Cookie header of the session. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in as ${email} answered ${res.status}: ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(";")[0]!);
  if (!cookies.length) throw new Error(`sign-in as ${email} set no cookie`);
  return cookies.join("; ");
}
