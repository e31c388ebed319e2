import "server-only";
// The session side of the data-access layer: who is calling, and what role they have.
import { headers } from "next/headers";
import { getAuth } from "@/lib/auth/auth";
import { ApiError } from "@/lib/api/errors";

export type Role = "MANAGER" | "ADMIN";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export async function getSessionUser(requestHeaders?: Headers): Promise<SessionUser | null> {
  // Read the request headers first: it marks the page dynamic, so `next build` never reaches the database.
  const h = requestHeaders ?? (await headers());
  const session = await getAuth().api.getSession({ headers: h });
  if (!session) return null;
  const { id, email, name } = session.user;
  const role = (session.user as { role?: unknown }).role === "ADMIN" ? "ADMIN" : "MANAGER";
  return { id, email, name, role };
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
