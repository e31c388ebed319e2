// Stored data that fails its schema is a server fault: a 500 with code `internal`, logged with the
// row's key, never the 422 "Invalid body" a caller's mistake gets.
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { z } from "zod";
import { ApiError, handleApiError, StoredDataError } from "@/lib/api/errors";
import { getCorrelations } from "@/lib/dal/correlations";
import type { PortfolioSummary } from "@/lib/contracts/portfolios";
import { getSectors } from "@/lib/dal/sectors";
import { parseStored } from "@/lib/dal/stored-json";

// The DAL reads through Prisma: a fake one whose rows hold JSON that fails its shape.
const rows = vi.hoisted(() => ({
  snapshot: { reasons: null as unknown, sectorExposure: { buckets: "not an array" } as unknown },
  // One symbol, so one correlation: two stored is a matrix that drifted from its symbols.
  correlation: { symbols: ["A"], n: 1, matrix: [1, 0.5], weights: [1], excluded: [] as unknown },
}));
vi.mock("@/lib/db/prisma", () => ({
  getPrisma: () => ({
    snapshot: { findFirst: async () => ({ date: new Date("2026-07-13T00:00:00Z"), nav: 1000, ...rows.snapshot }) },
    correlationMatrix: {
      findUnique: async () => ({ ...rows.correlation, windowFrom: new Date("2026-03-02T00:00:00Z"), windowTo: new Date("2026-07-13T00:00:00Z"), averageAbsCorrelation: null, effectiveBets: 1 }),
    },
  }),
}));

const portfolio = { id: "demo-hedgefund" } as PortfolioSummary;
const context = { method: "GET", path: "/api/portfolios/demo-hedgefund/sectors" };

let logged: MockInstance<typeof console.error>;
beforeEach(() => {
  logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
});
afterEach(() => logged.mockRestore());

const logLines = () => logged.mock.calls.map((c) => JSON.parse(String(c[0])) as Record<string, unknown>);

describe("stored data that fails its schema", () => {
  it("parseStored throws a StoredDataError (internal, 500) naming the row", () => {
    const row = { table: "snapshots", column: "sector_exposure", key: { portfolioId: "p", date: "2026-07-13" } };
    expect(parseStored(z.object({ a: z.number() }), { a: 1 }, row)).toEqual({ a: 1 });
    const err = (() => {
      try {
        parseStored(z.object({ a: z.number() }), { a: "x" }, row);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(StoredDataError);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as StoredDataError).code).toBe("internal");
    expect((err as StoredDataError).status).toBe(500);
    expect((err as StoredDataError).row).toEqual(row);
    expect((err as StoredDataError).issues).toEqual([expect.stringMatching(/^a: /)]);
  });

  it("a DAL read of a malformed JSON column answers 500 and logs the row's key", async () => {
    const err = await getSectors(portfolio).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoredDataError);
    const res = handleApiError(err, context);
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("internal");
    expect(body.error.message).toMatch(/snapshots\.sector_exposure/);
    expect(body.error.message).not.toMatch(/Invalid body/);
    expect(logLines()).toEqual([
      expect.objectContaining({
        level: "error",
        event: "api.stored_data_invalid",
        path: context.path,
        table: "snapshots",
        column: "sector_exposure",
        key: { portfolioId: "demo-hedgefund", date: "2026-07-13" },
        issues: expect.arrayContaining([expect.stringMatching(/^buckets: /)]),
      }),
    ]);
  });

  it("covers the other stored columns too (correlation matrix array and excluded holdings, snapshot reasons)", async () => {
    const matrix = await getCorrelations(portfolio).catch((e: unknown) => e);
    expect(matrix).toBeInstanceOf(StoredDataError);
    expect((matrix as StoredDataError).row).toEqual({ table: "correlation_matrices", column: "matrix", key: { portfolioId: "demo-hedgefund", date: "2026-07-13" } });
    expect((matrix as StoredDataError).issues).toEqual(["1 symbols, 1 weights and 2 correlations, expected n = 1 of each and n × n = 1"]);
    expect(handleApiError(matrix, context).status).toBe(500);

    rows.correlation.matrix = [1];
    expect(await getCorrelations(portfolio)).toMatchObject({ available: true, symbols: ["A"], rows: [[1]], from: "2026-03-02", to: "2026-07-13" });
    rows.correlation.excluded = [{ symbol: "B", reason: "NOT_A_REASON", detail: "x" }];
    const excluded = await getCorrelations(portfolio).catch((e: unknown) => e);
    expect((excluded as StoredDataError).row).toMatchObject({ table: "correlation_matrices", column: "excluded" });

    rows.snapshot.reasons = { sector: { reason: "NOT_A_REASON", detail: "x" } };
    const reasons = await getSectors(portfolio).catch((e: unknown) => e);
    expect((reasons as StoredDataError).row).toMatchObject({ table: "snapshots", column: "reasons" });
    rows.snapshot.reasons = null;
  });

  it("any other stray ZodError is a logged 500 too, not a 422", async () => {
    const stray = z.number().safeParse("x").error!;
    const res = handleApiError(stray, context);
    expect(res.status).toBe(500);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("internal");
    expect(logLines()).toEqual([expect.objectContaining({ event: "api.unexpected_zod_error", path: context.path })]);
  });

  it("a caller's error is still answered as it was, without a log line", async () => {
    const res = handleApiError(new ApiError("unprocessable_entity", "Invalid body: body.x: required"), context);
    expect(res.status).toBe(422);
    expect(logged).not.toHaveBeenCalled();
  });
});
