// The app's configuration: every environment variable Riskline reads, validated by one zod schema
// with messages that name the variable to fix (README, "Configuration"). It is read lazily, at first
// use, so importing a module never needs a variable (`next build` runs without DATABASE_URL), and
// cached; it is read again only when one of these variables changes (tests point DATABASE_URL at a
// database of their own before first use; `npm start` sets it after starting the embedded database).
// No other module reads process.env (tests/unit/structure/import-boundaries.test.ts).
import { existsSync } from "node:fs";
import { z } from "zod";
import { isIsoDate, isoDateSchema } from "@/lib/dates";
import { DEFAULT_FMP_PLAN, FMP_PLANS } from "@/lib/market-data/fmp-plans";
import { isTradingDay } from "@/lib/market-data/trading-calendar";
import { DEFAULT_RISK_FREE_RATE } from "@/lib/risk/black-scholes";
import { DEFAULT_TLT_DURATION } from "@/lib/stress/scenarios";
import { USER_PASSWORD_MIN_LENGTH } from "@/lib/contracts/admin-users";

/** The shortest password better-auth accepts (lib/auth/auth.ts, minPasswordLength), for every user. */
export const ADMIN_PASSWORD_MIN_LENGTH = USER_PASSWORD_MIN_LENGTH;

type Source = Readonly<Record<string, string | undefined>>;

/** A whole number in [min, max] written in decimal digits. */
const wholeNumber = (min: number, max: number, what: string) => {
  const message = `must be ${what}, a whole number from ${min} to ${max}`;
  return z
    .string()
    .regex(/^\d+$/, message)
    .transform(Number)
    .refine((n) => n >= min && n <= max, message);
};

/** A decimal number in [min, max]. */
const decimal = (min: number, max: number, what: string) => {
  const message = `must be ${what}, a number from ${min} to ${max}`;
  return z
    .string()
    .refine((s) => Number.isFinite(Number(s)), message)
    .transform(Number)
    .refine((n) => n >= min && n <= max, message);
};

const ipOrRange = z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()]);

/** A comma-separated list of IP addresses and CIDR ranges. */
const addressList = z
  .string()
  .transform((s) => s.split(",").map((a) => a.trim()).filter((a) => a !== ""))
  .superRefine((list, ctx) => {
    const bad = list.filter((a) => !ipOrRange.safeParse(a).success);
    if (bad.length) ctx.addIssue({ code: "custom", message: `must be IP addresses or CIDR ranges separated by commas, got ${bad.map((a) => JSON.stringify(a)).join(", ")}` });
  });

const absoluteUrl = (what: string) =>
  z.string().refine((s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol), `must be ${what}, an absolute http:// or https:// URL`);

/** AS_OF: a real date and an NYSE trading day. Not in the future is checked when a run resolves it
 * (lib/market-data/as-of.ts), since "today" moves while a process runs. */
export const asOfSchema = isoDateSchema.superRefine((d, ctx) => {
  if (!isIsoDate(d)) return;
  try {
    if (!isTradingDay(d)) ctx.addIssue({ code: "custom", message: `${d} is not an NYSE trading day (a weekend or a holiday)` });
  } catch (e) {
    ctx.addIssue({ code: "custom", message: (e as Error).message });
  }
});

const schema = z
  .object({
    // The database and its pool.
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection string")
      .optional(),
    DB_POOL_MAX: wholeNumber(1, 1000, "the pool's connection count").default(10),
    EMBEDDED_DB_PORT: wholeNumber(0, 65535, "a TCP port (0: any free port)").default(54329),
    EMBEDDED_DB_DIR: z.string().default(".data/pglite"),
    SEED_DEMO: z.enum(["0", "1"], "must be 1 (seed the demo accounts and portfolios) or 0 (skip them)").default("1"),
    // Serving.
    PORT: wholeNumber(1, 65535, "a TCP port").default(3000),
    HOST: z.string().default("0.0.0.0"),
    /** Unset: http://localhost:$PORT (see appUrl()). */
    APP_URL: absoluteUrl("the app's public URL").optional(),
    /** The reverse proxies whose X-Forwarded-For is believed (unset: none; the socket address counts). */
    TRUSTED_PROXIES: addressList.default([]),
    BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    // The first admin (`npm run setup`, and `npm start` with both set).
    ADMIN_EMAIL: z.email("must be an email address").optional(),
    ADMIN_NAME: z.string().optional(),
    ADMIN_PASSWORD: z.string().min(ADMIN_PASSWORD_MIN_LENGTH, `must be at least ${ADMIN_PASSWORD_MIN_LENGTH} characters`).optional(),
    // The batch.
    AS_OF: asOfSchema.optional(),
    /** Another price file (date,symbol,close; gzip or plain) instead of data/market/prices.csv.gz. */
    PRICE_FILE: z.string().refine((f) => existsSync(f), "no such file").optional(),
    MARKET_DATA_PROVIDER: z.enum(["file", "fmp"], { error: (iss) => `must be one of file, fmp, got ${JSON.stringify(iss.input)}` }).default("file"),
    FMP_API_KEY: z.string().optional(),
    FMP_BASE_URL: absoluteUrl("the vendor's base URL").optional(),
    /** The FMP plan of the key: sets the request limits below unless they are given (lib/market-data/fmp-plans.ts). */
    FMP_PLAN: z.enum(FMP_PLANS, { error: (iss) => `must be one of ${FMP_PLANS.join(", ")}, got ${JSON.stringify(iss.input)}` }).default(DEFAULT_FMP_PLAN),
    FMP_REQUESTS_PER_MINUTE: wholeNumber(1, 100_000, "the vendor requests allowed a minute").optional(),
    FMP_BURST: wholeNumber(1, 1_000, "the vendor requests that may start at once").optional(),
    FMP_CONCURRENCY: wholeNumber(1, 64, "the vendor requests in flight at once").optional(),
    /** How long a 429 without Retry-After holds every vendor request back: FMP's limits are per minute. */
    FMP_RATE_LIMIT_PAUSE_SECONDS: wholeNumber(1, 3_600, "seconds").default(60),
    RISK_FREE_RATE: decimal(-0.05, 0.5, "a yearly rate (0.04 = 4 %)").default(DEFAULT_RISK_FREE_RATE),
    TLT_DURATION: decimal(0, 40, "a duration in years")
      .refine((n) => n > 0, "must be a duration in years, above 0")
      .default(DEFAULT_TLT_DURATION),
    BATCH_EXECUTOR: z.enum(["local", "inngest"], "must be local or inngest").optional(),
    /** Books the local executor refreshes at once: their round trips overlap and PostgreSQL works on every core. */
    BATCH_CONCURRENCY: wholeNumber(1, 64, "the books refreshed at once").default(4),
    /** The app server's own daily batch (weekdays 18:30 New York) when Inngest is not configured. */
    DAILY_SCHEDULE: z.enum(["on", "off"], "must be on or off").default("on"),
    // Inngest (the SDK reads these itself as well).
    INNGEST_EVENT_KEY: z.string().optional(),
    INNGEST_SIGNING_KEY: z.string().optional(),
    INNGEST_DEV: z.string().optional(),
    /** Any value: error stacks in the CLI output. */
    DEBUG: z.string().optional(),
  })
  .superRefine((e, ctx) => {
    if (e.MARKET_DATA_PROVIDER === "fmp" && !e.FMP_API_KEY) {
      ctx.addIssue({ code: "custom", path: ["FMP_API_KEY"], message: "MARKET_DATA_PROVIDER=fmp needs FMP_API_KEY (your Financial Modeling Prep API key); it is unset or empty" });
    }
  });

export type Env = z.infer<typeof schema>;

/** Every variable the configuration reads, in the order of the schema. */
export const CONFIG_VARIABLES = Object.keys(schema.shape) as readonly (keyof Env)[];

export class ConfigError extends Error {
  constructor(readonly issues: readonly { variable: string; message: string }[]) {
    const lines = issues.map((i) => `  ${i.variable}: ${i.message}`);
    super(`Invalid configuration:\n${lines.join("\n")}\nFix these environment variables (see README, "Configuration").`);
    this.name = "ConfigError";
  }
}

/** Validates `source` (the environment by default). Empty or blank values count as unset; values are trimmed. */
export function loadEnv(source: Source = process.env): Env {
  const present = CONFIG_VARIABLES.flatMap((k) => {
    const v = source[k]?.trim();
    return v === undefined || v === "" ? [] : [[k, v] as const];
  });
  const parsed = schema.safeParse(Object.fromEntries(present));
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => ({ variable: i.path.join(".") || "(environment)", message: i.message })));
  return parsed.data;
}

let cached: { key: string; value: Env } | undefined;

/** The configuration of this process: validated at first use, then cached. */
export function env(): Env {
  const key = CONFIG_VARIABLES.map((k) => process.env[k] ?? "").join("\u0000");
  if (cached?.key !== key) cached = { key, value: loadEnv(process.env) };
  return cached.value;
}

/** Forgets the cached configuration (tests that change the environment). */
export function resetEnv(): void {
  cached = undefined;
}

/** The public URL: APP_URL, else http://localhost:$PORT. */
export function appUrl(e: Env = env()): string {
  return e.APP_URL ?? `http://localhost:${e.PORT}`;
}

/** Batches run on Inngest when BATCH_EXECUTOR=inngest, or by default when an event key is set. */
export function inngestConfigured(e: Env = env()): boolean {
  return e.BATCH_EXECUTOR ? e.BATCH_EXECUTOR === "inngest" : Boolean(e.INNGEST_EVENT_KEY);
}

/** The black–Scholes rate and the TLT duration the batch computes with. */
/** Books the local executor refreshes at once. */
export function batchConcurrency(e: Env = env()): number {
  return e.BATCH_CONCURRENCY;
}

export function batchSettings(e: Env = env()): { riskFreeRate: number; tltDuration: number } {
  return { riskFreeRate: e.RISK_FREE_RATE, tltDuration: e.TLT_DURATION };
}

/** Whether CLI errors print their stack (DEBUG set). Never throws, so an error handler can ask it
 * while reporting an invalid configuration. */
export function debugEnabled(): boolean {
  return Boolean(process.env.DEBUG?.trim());
}

/** `next dev` (NODE_ENV, which Next sets and inlines): React then needs eval and a socket for reloads. */
export function developmentMode(): boolean {
  return process.env.NODE_ENV === "development";
}

/** The environment of a child process (the Prisma CLI, `next start`): this one's plus `overrides`. */
export function childProcessEnv(overrides: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
