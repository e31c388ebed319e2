// Email + password sign-in through better-auth: sessions stored in PostgreSQL, scrypt password
// hashes, sign-in limited per client address (better-auth's rate limiter, counters in the database,
// shared by every instance) and per account (lockout with backoff, lib/auth/sign-in-lockout.ts).
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { admin } from "better-auth/plugins";
import { adminAc, userAc } from "better-auth/plugins/admin/access";
import { ADMIN_PASSWORD_MIN_LENGTH, appUrl as configuredAppUrl, env } from "@/lib/config/env";
import { getPrisma } from "@/lib/db/prisma";
import { clearFailedSignIns, lockedSeconds, recordFailedSignIn } from "@/lib/auth/sign-in-lockout";
import { SESSION_COOKIE_CACHE_SECONDS, sessionEnded, sessionVersion } from "@/lib/auth/session-versions";

export const SESSION_TTL_SECONDS = 8 * 60 * 60;

const SIGN_IN_PATH = "/sign-in/email";
const SIGN_OUT_PATH = "/sign-out";

/** The email a sign-in names, if any (a body without one fails better-auth's own validation). */
function submittedEmail(body: unknown): string | null {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === "string" && email.trim() !== "" ? email : null;
}

/** A locked account is refused before its password is checked, and the refusal does not count. A
 * sign-out ends the session's cached cookie too (a copy of it must not open anything afterwards). */
const beforeAuth = createAuthMiddleware(async (ctx) => {
  if (ctx.path === SIGN_OUT_PATH) {
    const token = await ctx.getSignedCookie(ctx.context.authCookies.sessionToken.name, ctx.context.secret);
    if (token) sessionEnded(token);
    return;
  }
  const email = ctx.path === SIGN_IN_PATH ? submittedEmail(ctx.body) : null;
  if (!email) return;
  const wait = await lockedSeconds(email);
  if (wait > 0) {
    throw new APIError("TOO_MANY_REQUESTS", { message: "Too many failed sign-ins for this account: try again later." }, { "X-Retry-After": String(wait) });
  }
});

const countSignInOutcome = createAuthMiddleware(async (ctx) => {
  const email = ctx.path === SIGN_IN_PATH ? submittedEmail(ctx.body) : null;
  if (!email) return;
  const returned = ctx.context.returned;
  if (!isAPIError(returned)) await clearFailedSignIns(email);
  else if (returned.statusCode === 401) await recordFailedSignIn(email);
});

function createAuth() {
  const config = env();
  const appUrl = configuredAppUrl(config);
  return betterAuth({
    appName: "Riskline",
    baseURL: appUrl,
    secret: config.BETTER_AUTH_SECRET,
    trustedOrigins: [appUrl],
    database: prismaAdapter(getPrisma(), { provider: "postgresql" }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: ADMIN_PASSWORD_MIN_LENGTH },
    // Requests read the session from a signed cookie cache, without a database round trip, for up to
    // SESSION_COOKIE_CACHE_SECONDS; a change to the user invalidates it (lib/auth/session-versions.ts).
    session: {
      expiresIn: SESSION_TTL_SECONDS,
      updateAge: 60 * 60,
      cookieCache: { enabled: true, maxAge: SESSION_COOKIE_CACHE_SECONDS, version: (session, user) => sessionVersion(session.token, user.id) },
    },
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
    hooks: { before: beforeAuth, after: countSignInOutcome },
    advanced: {
      // scripts/serve.ts sets X-Forwarded-For to the socket address, after the chain only when the
      // socket is a trusted proxy (lib/http/forwarded-for.ts); better-auth skips those proxies from the right.
      ipAddress: { ipAddressHeaders: ["x-forwarded-for"], trustedProxies: [...config.TRUSTED_PROXIES] },
      // Secure cookies (and their __Secure- prefix) exactly when the app is served over https.
      useSecureCookies: new URL(appUrl).protocol === "https:",
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
