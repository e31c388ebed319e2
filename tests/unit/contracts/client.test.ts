// The typed client validates every answer: a malformed one becomes an error naming the endpoint and
// the first bad field (TanStack Query shows it as the section's error state).
import { afterEach, describe, expect, it, vi } from "vitest";
import { endpoints, fetchEndpoint, FetchError, sendEndpoint } from "@/lib/contracts/client";

const answer = (status: number, body: unknown) => vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } }));

afterEach(() => vi.unstubAllGlobals());

describe("the typed client", () => {
  it("builds each endpoint's path from its arguments", () => {
    expect(endpoints.factors.path("pf 1", { positions: "1" })).toBe("/api/portfolios/pf%201/factors?positions=1");
    expect(endpoints.overview.path("pf-1")).toBe("/api/portfolios/pf-1/overview");
    expect(endpoints.stressDetail.path("pf-1", "RATES_UP_100BP", { date: "2025-06-30" })).toBe("/api/portfolios/pf-1/stress/RATES_UP_100BP?date=2025-06-30");
    expect(endpoints.runs.path({ limit: 25, cursor: undefined })).toBe("/api/admin/runs?limit=25");
  });

  it("returns a valid answer as parsed", async () => {
    const body = { portfolioId: "pf-1", available: false, asOfDate: null, reason: "NOT_COMPUTED", detail: "not yet" };
    const fetch = answer(200, body);
    vi.stubGlobal("fetch", fetch);
    await expect(fetchEndpoint("volatility", "pf-1")).resolves.toEqual(body);
    expect(fetch).toHaveBeenCalledWith("/api/portfolios/pf-1/volatility", expect.objectContaining({ headers: { "content-type": "application/json" } }));
  });

  it("throws an error naming the endpoint and the first issue's path on a malformed answer", async () => {
    vi.stubGlobal("fetch", answer(200, { portfolioId: "pf-1", available: true, asOfDate: "2025-06-30", nav: 1, row: [] }));
    await expect(fetchEndpoint("var", "pf-1")).rejects.toThrow(/^Unexpected answer from var: rows: /);

    vi.stubGlobal("fetch", answer(200, { portfolios: [{ id: "pf-1" }] }));
    await expect(fetchEndpoint("portfolios")).rejects.toThrow(/^Unexpected answer from portfolios: portfolios\.0\.name: /);

    vi.stubGlobal("fetch", answer(200, null));
    await expect(fetchEndpoint("runs")).rejects.toThrow(/^Unexpected answer from runs: \(root\): /);
  });

  it("validates the answer of a change too, and keeps the server's error message", async () => {
    vi.stubGlobal("fetch", answer(201, { mode: "commit", created: "3" }));
    await expect(sendEndpoint("importCommit", { csv: "x", mode: "commit" }, "pf-1")).rejects.toThrow(/^Unexpected answer from importCommit: created: /);

    vi.stubGlobal("fetch", answer(422, { error: { code: "unprocessable_entity", message: "Invalid body: body.csv: is empty" } }));
    const err = await sendEndpoint("importPreview", { csv: "", mode: "preview" }, "pf-1").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect(err).toMatchObject({ status: 422, code: "unprocessable_entity", message: "Invalid body: body.csv: is empty" });
  });
});
