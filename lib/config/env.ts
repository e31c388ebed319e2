// Environment validated once, with messages that say which variable to fix.
import { z } from "zod";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD");

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection string")
    .optional(),
  AS_OF: isoDate.optional(),
  MARKET_DATA_PROVIDER: z.enum(["file", "fmp"]).default("file"),
  RISK_FREE_RATE: z.coerce.number().min(-0.05).max(0.5).default(0.04),
  TLT_DURATION: z.coerce.number().positive().max(40).default(17),
  BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  APP_URL: z.string().url().default("http://localhost:3000"),
  INNGEST_EVENT_KEY: z.string().optional(),
  INNGEST_SIGNING_KEY: z.string().optional(),
  INNGEST_DEV: z.string().optional(),
  BATCH_EXECUTOR: z.enum(["local", "inngest"]).optional(),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function loadEnv(source: Readonly<Record<string, string | undefined>> = process.env): Env {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}\nFix these environment variables (see README, "Configuration").`);
  }
  return parsed.data;
}

export function env(): Env {
  cached ??= loadEnv();
  return cached;
}

/** Batches run on Inngest when BATCH_EXECUTOR=inngest, or by default when an event key is set. */
export function inngestConfigured(e: Env = env()): boolean {
  return e.BATCH_EXECUTOR ? e.BATCH_EXECUTOR === "inngest" : Boolean(e.INNGEST_EVENT_KEY);
}
