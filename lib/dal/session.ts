import "server-only";
// The session side of the data-access layer: who is calling, and what role they have.
import { LRUCache } from "lru-cache";
import { headers } from "next/headers";
import { getAuth } from "@/lib/auth/auth";
import { sessionVersion } from "@/lib/auth/session-versions";
import { ApiError } from "@/lib/api/errors";

export type Role = "MANAGER" | "ADMIN";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

// A session verified for a request's cookies is believed again for the same cookies for up to a second:
// better-auth's check of its signed cookie (an HMAC through WebCrypto, its key imported on every call)
// cost more CPU than the rest of a cached analytics read. A revocation still takes effect on the next
// request: each use re-checks the session's version (lib/auth/session-versions.ts).
const VERIFIED_FOR_MS = 1000;
interface Verified {
  user: SessionUser;
  token: string;
  version: string;
  until: number;
}
const verified = new LRUCache<string, Verified>({ max: 10_000 });

export async function getSessionUser(requestHeaders?: Headers): Promise<SessionUser | null> {
  // Read the request headers first: it marks the page dynamic, so `next build` never reaches the database.
  const h = requestHeaders ?? (await headers());
  const cookies = h.get("cookie");
  const known = cookies ? verified.get(cookies) : undefined;
  if (known && known.until > Date.now() && sessionVersion(known.token, known.user.id) === known.version) return known.user;
  const session = await getAuth().api.getSession({ headers: h });
  if (!session) return null;
  const { id, email, name } = session.user;
  const role = (session.user as { role?: unknown }).role === "ADMIN" ? "ADMIN" : "MANAGER";
  const user: SessionUser = { id, email, name, role };
  const { token } = session.session;
  if (cookies) verified.set(cookies, { user, token, version: sessionVersion(token, id), until: Date.now() + VERIFIED_FOR_MS });
  return user;
}

export async function requireUser(requestHeaders?: Headers): Promise<SessionUser> {
  const user = await getSessionUser(requestHeaders);
  if (!user) throw new ApiError("unauthorized", "Sign in first.");
  return user;
}

export async function requireAdmin(requestHeaders?: Headers): Promise<SessionUser> {
  const user = await requireUser(requestHeaders);
  if (user.role !== "ADMIN") throw new ApiError("forbidden", "This action needs the ADMIN role.");
  return user;
}
