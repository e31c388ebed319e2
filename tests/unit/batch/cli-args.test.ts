// `npm run batch` arguments (lib/batch/cli-args.ts): several ids after one --portfolio as the usage
// documents, repeated flags, and --as-of checked like AS_OF.
import { describe, expect, it } from "vitest";
import { parseBatchArgs } from "@/lib/batch/cli-args";
import { loadEnv } from "@/lib/config/env";

describe("parseBatchArgs", () => {
  it("runs every portfolio at the default as-of date without arguments", () => {
    expect(parseBatchArgs([])).toEqual({ trigger: "CLI", portfolioIds: null, force: null });
  });

  it("takes several ids after one --portfolio", () => {
    expect(parseBatchArgs(["--portfolio", "a", "b", "c"]).portfolioIds).toEqual(["a", "b", "c"]);
  });

  it("takes repeated --portfolio flags and --portfolio=ID, mixed with lists, without duplicates", () => {
    expect(parseBatchArgs(["--portfolio", "a", "--portfolio=b", "--portfolio", "c", "a"]).portfolioIds).toEqual(["a", "b", "c"]);
  });

  it("ends a list of ids at the next option", () => {
    const req = parseBatchArgs(["--portfolio", "a", "b", "--force", "--from", "2026-07-01", "--to", "2026-07-10"]);
    expect(req.portfolioIds).toEqual(["a", "b"]);
    expect(req.force).toEqual({ from: "2026-07-01", to: "2026-07-10" });
  });

  it("refuses --portfolio without an id", () => {
    expect(() => parseBatchArgs(["--portfolio"])).toThrow("--portfolio needs at least one portfolio id");
    expect(() => parseBatchArgs(["--portfolio", "--force"])).toThrow("--portfolio needs at least one portfolio id");
  });

  it("refuses a stray positional argument", () => {
    expect(() => parseBatchArgs(["a"])).toThrow();
  });

  it("accepts a trading day as --as-of", () => {
    expect(parseBatchArgs(["--as-of", "2026-07-13"]).asOfDate).toBe("2026-07-13");
  });

  it("refuses a weekend or a holiday as --as-of with AS_OF's message", () => {
    let asOfMessage = "";
    try {
      loadEnv({ AS_OF: "2026-07-11" });
    } catch (e) {
      asOfMessage = (e as Error).message;
    }
    expect(asOfMessage).toContain("2026-07-11 is not an NYSE trading day (a weekend or a holiday)");
    expect(() => parseBatchArgs(["--as-of", "2026-07-11"])).toThrow("--as-of: 2026-07-11 is not an NYSE trading day (a weekend or a holiday)");
    expect(() => parseBatchArgs(["--as-of", "2026-07-03"])).toThrow("is not an NYSE trading day"); // Independence Day observed
  });

  it("refuses a malformed --as-of", () => {
    expect(() => parseBatchArgs(["--as-of", "2026-13-01"])).toThrow(/^--as-of: /);
  });

  it("keeps the --from/--to/--force rules", () => {
    expect(() => parseBatchArgs(["--force"])).toThrow("--force needs --from and --to");
    expect(() => parseBatchArgs(["--from", "2026-07-01", "--to", "2026-07-10"])).toThrow("--from/--to need --force");
    expect(() => parseBatchArgs(["--force", "--from", "2026-07-10", "--to", "2026-07-01"])).toThrow("--from 2026-07-10 is after --to 2026-07-01");
  });
});
