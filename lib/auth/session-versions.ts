// Sessions are read from better-auth's signed cookie cache, not the database, for up to
// SESSION_COOKIE_CACHE_SECONDS. A cached cookie carries the version this registry gives its session:
// when an admin disables a user, resets their password, revokes their sessions or changes their role,
// or when the session signs out, the version moves, so this instance reads the database again on the
// next request with that cookie (a disabled user or a signed-out copy of the cookie is refused at once).
// Another instance of the app, which does not share this registry, honours the change when its copy of
// the cookie cache expires: within SESSION_COOKIE_CACHE_SECONDS.
export const SESSION_COOKIE_CACHE_SECONDS = 30;

interface Registry {
  userVersions: Map<string, string>;
  /** Signed-out session tokens, kept while a cached copy of their cookie could still be believed. */
  endedTokens: Map<string, number>;
  changes: number;
}

// One registry per process, on globalThis: Next bundles the route handlers, the pages and the proxy
// separately, each with its own copy of this module, and a change recorded by the admin API must be
// seen by the page that the disabled user opens next.
const REGISTRY = Symbol.for("riskline.session-versions");
const holder = globalThis as typeof globalThis & { [REGISTRY]?: Registry };
const registry = (holder[REGISTRY] ??= { userVersions: new Map(), endedTokens: new Map(), changes: 0 });
const { userVersions, endedTokens } = registry;

function forgetOldEndings(now: number): void {
  for (const [token, at] of endedTokens) {
    if (now - at <= SESSION_COOKIE_CACHE_SECONDS * 1000) break; // in insertion (time) order
    endedTokens.delete(token);
  }
}

/** The version a cached session must carry to be believed. */
export function sessionVersion(token: string, userId: string): string {
  if (endedTokens.has(token)) return "ended";
  return userVersions.get(userId) ?? "1";
}

/** A change to the user that cached sessions must not outlive. */
export function userSessionsChanged(userId: string): void {
  userVersions.set(userId, `${Date.now()}.${++registry.changes}`);
}

/** The session signed out. */
export function sessionEnded(token: string): void {
  const now = Date.now();
  forgetOldEndings(now);
  endedTokens.set(token, now);
}
