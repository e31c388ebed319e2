// The setup shared by `npm run setup` (scripts/setup.ts) and `npm start` (scripts/start.ts): the
// database brought to a usable state (prepareDatabase: migrations, registries, bundled market data,
// the demo when asked) and, when given, a first admin created through better-auth. Idempotent, and
// serialized by an advisory lock so that two instances set up one database one after the other.
import type pg from "pg";
import { getAuth } from "@/lib/auth/auth";
import { ADMIN_PASSWORD_MIN_LENGTH } from "@/lib/config/env";
import { ADVISORY_LOCK_KEYS, withAdvisoryLock } from "@/lib/db/advisory-lock";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { prepareDatabase } from "./prepare-database";

export interface AdminAccount {
  email: string;
  name?: string;
  password: string;
  /** Replace the password of an admin that exists already (else it is left alone). */
  resetPassword?: boolean;
}

export interface SetupOptions {
  url: string;
  pool: pg.Pool;
  prisma: PrismaClient;
  demo: boolean;
  admin?: AdminAccount;
  log?: (message: string) => void;
}

export type AdminOutcome = "created" | "promoted" | "password reset" | "unchanged";

export async function setupDatabase({ admin, ...prepare }: SetupOptions): Promise<{ admin?: AdminOutcome }> {
  const log = prepare.log ?? (() => undefined);
  return withAdvisoryLock(prepare.url, ADVISORY_LOCK_KEYS.setup, async () => {
    await prepareDatabase(prepare);
    if (!admin) return {};
    const outcome = await ensureAdmin(admin);
    log(`admin ${admin.email}: ${outcome}`);
    return { admin: outcome };
  });
}

/**
 * Creates the admin through better-auth's own adapter (its ids, its password hashing, its credential
 * account), or, when the email exists, makes sure its role is ADMIN and changes the password only with
 * `resetPassword`. The app's better-auth instance must point at the same database (DATABASE_URL).
 */
export async function ensureAdmin({ email, name, password, resetPassword = false }: AdminAccount): Promise<AdminOutcome> {
  if (password.length < ADMIN_PASSWORD_MIN_LENGTH) throw new Error(`The admin's password must be at least ${ADMIN_PASSWORD_MIN_LENGTH} characters`);
  const ctx = await getAuth().$context;
  const adapter = ctx.internalAdapter;
  const normalized = email.trim().toLowerCase();
  const found = await adapter.findUserByEmail(normalized);
  if (!found) {
    const user = await adapter.createUser({ email: normalized, name: name?.trim() || normalized.split("@")[0] || normalized, emailVerified: true, role: "ADMIN" }, { method: "admin" });
    await adapter.linkAccount({ userId: user.id, providerId: "credential", accountId: user.id, password: await ctx.password.hash(password) });
    return "created";
  }
  const { user } = found;
  let outcome: AdminOutcome = "unchanged";
  if ((user as { role?: string }).role !== "ADMIN") {
    await adapter.updateUser(user.id, { role: "ADMIN" });
    outcome = "promoted";
  }
  if (resetPassword) {
    const hash = await ctx.password.hash(password);
    const credential = await adapter.findCredentialAccount(user.id);
    if (credential) await adapter.updatePassword(user.id, hash);
    else await adapter.linkAccount({ userId: user.id, providerId: "credential", accountId: user.id, password: hash });
    outcome = "password reset";
  }
  return outcome;
}
