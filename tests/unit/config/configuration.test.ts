// One configuration object (lib/config/env.ts): every variable validated with a message naming it,
// the README's defaults, read lazily and cached.
import { afterEach, describe, expect, it } from "vitest";
import { appUrl, CONFIG_VARIABLES, env, inngestConfigured, loadEnv, resetEnv } from "@/lib/config/env";

describe("configuration", () => {
  it("has the README's defaults", () => {
    const e = loadEnv({});
    expect(e).toMatchObject({
      PORT: 3000,
      HOST: "0.0.0.0",
      MARKET_DATA_PROVIDER: "file",
      RISK_FREE_RATE: 0.04,
      TLT_DURATION: 17,
      EMBEDDED_DB_PORT: 54329,
      EMBEDDED_DB_DIR: ".data/pglite",
      DB_POOL_MAX: 10,
      SEED_DEMO: "1",
      BATCH_CONCURRENCY: 4,
    });
    expect(e.DATABASE_URL).toBeUndefined();
    expect(e.AS_OF).toBeUndefined();
    expect(appUrl(e)).toBe("http://localhost:3000");
    expect(appUrl(loadEnv({ PORT: "4000" }))).toBe("http://localhost:4000");
    expect(appUrl(loadEnv({ PORT: "4000", APP_URL: "https://risk.example.com" }))).toBe("https://risk.example.com");
    expect(inngestConfigured(e)).toBe(false);
    expect(inngestConfigured(loadEnv({ INNGEST_EVENT_KEY: "k" }))).toBe(true);
    expect(inngestConfigured(loadEnv({ INNGEST_EVENT_KEY: "k", BATCH_EXECUTOR: "local" }))).toBe(false);
  });

  it("treats an empty or blank value as unset (an empty RISK_FREE_RATE is 0.04, not 0)", () => {
    expect(loadEnv({ RISK_FREE_RATE: "", TLT_DURATION: " ", PORT: "" })).toMatchObject({ RISK_FREE_RATE: 0.04, TLT_DURATION: 17, PORT: 3000 });
    expect(loadEnv({ RISK_FREE_RATE: "0", TLT_DURATION: "8.5", DB_POOL_MAX: "4", SEED_DEMO: "0" })).toMatchObject({ RISK_FREE_RATE: 0, TLT_DURATION: 8.5, DB_POOL_MAX: 4, SEED_DEMO: "0" });
  });

  it.each([
    ["PORT", "abc", /PORT: must be a TCP port/],
    ["PORT", "70000", /PORT: must be a TCP port, a whole number from 1 to 65535/],
    ["DB_POOL_MAX", "abc", /DB_POOL_MAX: must be the pool's connection count/],
    ["DB_POOL_MAX", "0", /DB_POOL_MAX: must be/],
    ["EMBEDDED_DB_PORT", "5.5", /EMBEDDED_DB_PORT: must be a TCP port/],
    ["RISK_FREE_RATE", "4%", /RISK_FREE_RATE: must be a yearly rate/],
    ["TLT_DURATION", "0", /TLT_DURATION: must be a duration in years, above 0/],
    ["SEED_DEMO", "yes", /SEED_DEMO: must be 1 .* or 0/],
    ["BATCH_EXECUTOR", "cloud", /BATCH_EXECUTOR: must be local or inngest/],
    ["BATCH_CONCURRENCY", "0", /BATCH_CONCURRENCY: must be the books refreshed at once/],
    ["APP_URL", "localhost:3000", /APP_URL: must be the app's public URL/],
    ["BETTER_AUTH_SECRET", "short", /BETTER_AUTH_SECRET: must be at least 32 characters/],
    ["DATABASE_URL", "mysql://localhost/db", /DATABASE_URL: must be a postgresql:\/\/ connection string/],
    ["AS_OF", "2026-07-11", /AS_OF: 2026-07-11 is not an NYSE trading day \(a weekend or a holiday\)/],
    ["AS_OF", "2026-07-03", /AS_OF: 2026-07-03 is not an NYSE trading day/],
    ["AS_OF", "2026-02-31", /AS_OF: is not a calendar date/],
    ["AS_OF", "2031-03-03", /AS_OF: Date 2031-03-03 is outside the NYSE calendar/],
    ["AS_OF", "13/07/2026", /AS_OF: must be a date YYYY-MM-DD/],
    ["TRUSTED_PROXIES", "10.0.0.1, proxy.internal", /TRUSTED_PROXIES: must be IP addresses or CIDR ranges separated by commas, got "proxy.internal"/],
    ["TRUSTED_PROXIES", "10.0.0.0/33", /TRUSTED_PROXIES: .*"10.0.0.0\/33"/],
  ])("%s=%s fails, naming the variable", (name, value, message) => {
    expect(() => loadEnv({ [name]: value })).toThrow(message);
    expect(() => loadEnv({ [name]: value })).toThrow(/^Invalid configuration:\n/);
  });

  it("reports every bad variable at once", () => {
    expect(() => loadEnv({ PORT: "abc", DB_POOL_MAX: "abc" })).toThrow(/DB_POOL_MAX: .*\n {2}PORT: /);
  });

  it("reads TRUSTED_PROXIES as a list of addresses and ranges, none by default", () => {
    expect(loadEnv({}).TRUSTED_PROXIES).toEqual([]);
    expect(loadEnv({ TRUSTED_PROXIES: "10.0.0.1, 192.0.2.0/24,2001:db8::/32" }).TRUSTED_PROXIES).toEqual(["10.0.0.1", "192.0.2.0/24", "2001:db8::/32"]);
  });

  it("accepts a trading day as AS_OF", () => {
    expect(loadEnv({ AS_OF: "2026-07-13" }).AS_OF).toBe("2026-07-13");
  });

  it("checks the first admin's email and password", () => {
    expect(loadEnv({ ADMIN_EMAIL: "ops@example.com", ADMIN_PASSWORD: "long-enough-1" })).toMatchObject({ ADMIN_EMAIL: "ops@example.com", ADMIN_PASSWORD: "long-enough-1" });
    expect(() => loadEnv({ ADMIN_EMAIL: "not-an-email" })).toThrow("ADMIN_EMAIL: must be an email address");
    expect(() => loadEnv({ ADMIN_PASSWORD: "short" })).toThrow("ADMIN_PASSWORD: must be at least 10 characters");
  });

  it("lists the variables the README documents", () => {
    for (const v of ["DATABASE_URL", "PORT", "HOST", "APP_URL", "BETTER_AUTH_SECRET", "AS_OF", "MARKET_DATA_PROVIDER", "FMP_API_KEY", "FMP_BASE_URL", "RISK_FREE_RATE", "TLT_DURATION", "BATCH_EXECUTOR", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY", "INNGEST_DEV", "EMBEDDED_DB_PORT", "EMBEDDED_DB_DIR", "DB_POOL_MAX", "SEED_DEMO", "ADMIN_EMAIL", "ADMIN_NAME", "ADMIN_PASSWORD", "TRUSTED_PROXIES", "DEBUG", "BATCH_CONCURRENCY"]) {
      expect(CONFIG_VARIABLES).toContain(v);
    }
  });
});

describe("env()", () => {
  const saved = { PORT: process.env.PORT, DB_POOL_MAX: process.env.DB_POOL_MAX };
  afterEach(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    resetEnv();
  });

  it("reads the environment lazily, once, and again when a variable changes", () => {
    process.env.PORT = "4100";
    const first = env();
    expect(first.PORT).toBe(4100);
    expect(env()).toBe(first); // cached
    process.env.PORT = "4200"; // e.g. a test file pointing DATABASE_URL at its own database
    expect(env().PORT).toBe(4200);
    resetEnv();
    expect(env()).not.toBe(first);
  });

  it("fails at first use with the variable to fix", () => {
    process.env.DB_POOL_MAX = "abc";
    expect(() => env()).toThrow(/DB_POOL_MAX: must be/);
  });
});
