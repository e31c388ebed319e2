// Email + password sign-in through better-auth: sessions stored in PostgreSQL, scrypt password
// hashes, sign-in rate-limited per IP with counters in the database (shared by every instance).
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { admin } from "better-auth/plugins";
import { adminAc, userAc } from "better-auth/plugins/admin/access";
import { ADMIN_PASSWORD_MIN_LENGTH, appUrl as configuredAppUrl, env } from "@/lib/config/env";
import { getPrisma } from "@/lib/db/prisma";

export const SESSION_TTL_SECONDS = 8 * 60 * 60;

function createAuth() {
  const appUrl = configuredAppUrl();
  return betterAuth({
    appName: "Riskline",
    baseURL: appUrl,
    secret: env().BETTER_AUTH_SECRET,
    trustedOrigins: [appUrl],
    database: prismaAdapter(getPrisma(), { provider: "postgresql" }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: ADMIN_PASSWORD_MIN_LENGTH },
    session: { expiresIn: SESSION_TTL_SECONDS, updateAge: 60 * 60 },
    user: {
      additionalFields: { role: { type: "string", input: false, defaultValue: "MANAGER" } },
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 200,
      customRules: { "/sign-in/email": { window: 60, max: 10 } },
    },
    // User administration (create, disable, reset a password) through better-auth's own admin plugin,
    // with our two roles: a disabled user cannot sign in and their sessions are deleted at once.
    plugins: [
      admin({
        defaultRole: "MANAGER",
        adminRoles: ["ADMIN"],
        roles: { ADMIN: adminAc, MANAGER: userAc },
        bannedUserMessage: "This account is disabled. Ask an administrator to enable it.",
      }),
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { riskAuth?: Auth };

/** Lazily created so that importing this module never needs a database (e.g. during `next build`). */
export function getAuth(): Auth {
  globalForAuth.riskAuth ??= createAuth();
  return globalForAuth.riskAuth;
}
