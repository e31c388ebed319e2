// Bad configuration fails fast with a message that says what to fix (issue 2).
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { loadEnv } from "@/lib/config/env";
import { assertDatabaseReachable } from "@/lib/db/check-connection";
import { parsePriceCsv, PriceFileError, readPriceFile } from "@/lib/market-data/price-file";

const run = promisify(execFile);

describe("environment", () => {
  test("names the variable to fix", () => {
    expect(() => loadEnv({ DATABASE_URL: "mysql://localhost/db" })).toThrow(/DATABASE_URL: must be a postgresql:\/\/ connection string/);
    expect(() => loadEnv({ AS_OF: "13/07/2026" })).toThrow(/AS_OF: must be a date YYYY-MM-DD/);
    expect(() => loadEnv({ MARKET_DATA_PROVIDER: "yahoo" })).toThrow(/MARKET_DATA_PROVIDER/);
    expect(loadEnv({}).MARKET_DATA_PROVIDER).toBe("file");
  });
});

describe("database", () => {
  test("an unreachable DATABASE_URL is reported with the address and what to do", async () => {
    await expect(assertDatabaseReachable("postgresql://postgres@127.0.0.1:1/riskline", 2000)).rejects.toThrow(
      /Cannot reach PostgreSQL at 127\.0\.0\.1:1\/riskline .*Check DATABASE_URL/,
    );
  });

  test("npm start stops at once on an unreachable DATABASE_URL", async () => {
    const err = await run(process.execPath, ["node_modules/.bin/tsx", "scripts/start.ts", "--setup-only"], {
      env: { ...process.env, DATABASE_URL: "postgresql://postgres@127.0.0.1:1/riskline" },
    }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(err?.code).toBe(1);
    expect(err?.stderr).toMatch(/start failed: Cannot reach PostgreSQL at 127\.0\.0\.1:1\/riskline/);
  }, 60_000);

  test("npm start names every invalid variable before touching a database", async () => {
    const err = await run(process.execPath, ["node_modules/.bin/tsx", "scripts/start.ts", "--setup-only"], {
      env: { ...process.env, PORT: "abc", DB_POOL_MAX: "abc", AS_OF: "2026-07-11", DATABASE_URL: "postgresql://postgres@127.0.0.1:1/riskline" },
    }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(err?.code).toBe(1);
    expect(err?.stderr).toMatch(/start failed: Invalid configuration:/);
    expect(err?.stderr).toMatch(/PORT: must be a TCP port/);
    expect(err?.stderr).toMatch(/DB_POOL_MAX: must be the pool's connection count/);
    expect(err?.stderr).toMatch(/AS_OF: 2026-07-11 is not an NYSE trading day/);
    expect(err?.stderr).not.toMatch(/Cannot reach PostgreSQL/);
  }, 60_000);
});

describe("price file", () => {
  test.each([
    ["date,sym,close\n2026-07-13,SPY,600\n", 1, /header must be "date,symbol,close"/],
    ["date,symbol,close\n2026-07-13,SPY,600\n2026-02-30,SPY,601\n", 3, /date "2026-02-30" is not a YYYY-MM-DD calendar date/],
    ["date,symbol,close\n2026-07-13,SPY,-1\n", 2, /close "-1" is not a positive number/],
    ["date,symbol,close\n2026-07-13,SPY\n", 2, /expected 3 fields, found 2/],
    ["date,symbol,close\n2026-07-13,SPY,600\n2026-07-13,SPY,600\n", 3, /duplicate price for SPY on 2026-07-13/],
  ])("a malformed file names its line and field (%#)", (text, line, message) => {
    expect(() => parsePriceCsv(text, "prices.csv")).toThrow(PriceFileError);
    expect(() => parsePriceCsv(text, "prices.csv")).toThrow(new RegExp(`line ${line}: ${message.source}`));
  });

  test("a corrupt gzip file is refused with the file name", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "prices-"));
    const file = path.join(dir, "prices.csv.gz");
    writeFileSync(file, gzipSync("date,symbol,close\n2026-07-13,SPY,600\n").subarray(0, 20));
    expect(() => readPriceFile(file)).toThrow(/Malformed price file .*prices\.csv\.gz.*not a valid gzip file/);
  });
});
