// The same-origin check of state changes compares the Origin with APP_URL: scheme, host and port
// (issue 16, finding 5). Before, it compared hosts only, and with X-Forwarded-Host when sent, so a
// page on http://evil.example could pass by sending X-Forwarded-Host: evil.example, and a page served
// over another scheme on the same host passed too. Nothing is written when refused.
import { beforeAll, describe, expect, it } from "vitest";
import * as scenarios from "@/app/api/scenarios/route";
import { getPool } from "@/lib/db/pool";
import { appRequest, routeParams, sessionCookie, TEST_ORIGIN, useSeededDatabase } from "../helpers";

let owner: string;
let created = 0;

beforeAll(async () => {
  await useSeededDatabase();
  owner = await sessionCookie("individual@riskline.dev");
});

const app = new URL(TEST_ORIGIN);

async function createScenario(headers: Record<string, string>) {
  const key = `CUSTOM_ORIGIN_${++created}`;
  const body = { key, name: "Origin", category: "market", description: "", shocks: { kind: "fixed", factors: { MARKET: -0.01 } } };
  const res = await scenarios.POST(appRequest("/api/scenarios", { method: "POST", cookie: owner, body, headers }), routeParams());
  const stored = (await getPool().query(`SELECT 1 FROM stress_scenarios WHERE split_part(key, '__', 1) = $1`, [key])).rowCount; // a manager's key carries an owner tag
  return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string } }, stored };
}

describe("POST /api/scenarios (a state change) from another origin answers 403 and writes nothing", () => {
  it.each([
    ["a foreign host claiming to be forwarded", { origin: "http://evil.example", "x-forwarded-host": "evil.example" }],
    ["a foreign host with the app's Host header", { origin: "http://evil.example", host: app.host }],
    ["the app's host over https (a foreign scheme)", { origin: `https://${app.host}` }],
    ["the app's host on another port", { origin: `http://${app.hostname}:3001` }],
    ["the app's origin in X-Forwarded-Host only", { origin: "http://evil.example", "x-forwarded-host": app.host, "x-forwarded-proto": "http" }],
    ["an opaque origin", { origin: "null" }],
  ])("%s", async (_name, headers) => {
    const res = await createScenario(headers);
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: "forbidden", message: expect.stringContaining("Cross-origin") });
    expect(res.stored).toBe(0);
  });
});

describe("the app's own origin passes", () => {
  it("with the exact APP_URL origin, whatever Host and X-Forwarded-Host say", async () => {
    const res = await createScenario({ origin: TEST_ORIGIN, host: "internal:8080", "x-forwarded-host": "other.example" });
    expect(res.status).toBe(201);
    expect(res.stored).toBe(1);
  });
});
