import "server-only";
// User administration for admins, through better-auth's admin plugin (it checks the caller's role
// again, hashes passwords and deletes a disabled user's sessions); the list is read here.
import { userSessionsChanged } from "@/lib/auth/session-versions";
import { isAPIError } from "better-auth/api";
import { ApiError, invalidBodyField } from "@/lib/api/errors";
import { getAuth } from "@/lib/auth/auth";
import type { AdminUser, CreateUserBody, UserChangeBody } from "@/lib/contracts/admin-users";
import { getPool } from "@/lib/db/pool";
import type { SessionUser } from "./session";

interface UserRow {
  id: string;
  name: string;
  email: string;
  role: AdminUser["role"];
  banned: boolean;
  created_at: Date;
  portfolio_count: number;
}

const toAdminUser = (r: UserRow): AdminUser => ({
  id: r.id,
  name: r.name,
  email: r.email,
  role: r.role,
  disabled: r.banned,
  createdAt: r.created_at.toISOString(),
  portfolioCount: r.portfolio_count,
});

async function readUsers(id?: string): Promise<AdminUser[]> {
  const { rows } = await getPool().query<UserRow>(
    `SELECT u.id, u.name, u.email, u.role, u.banned, u.created_at, (SELECT count(*) FROM portfolios p WHERE p.owner_id = u.id)::int AS portfolio_count
     FROM users u WHERE $1::text IS NULL OR u.id = $1 ORDER BY u.role, u.name`,
    [id ?? null],
  );
  return rows.map(toAdminUser);
}

export const listUsers = (): Promise<AdminUser[]> => readUsers();

async function userOrThrow(id: string): Promise<AdminUser> {
  const [user] = await readUsers(id);
  if (!user) throw new ApiError("not_found", `No user with id "${id}".`);
  return user;
}

const emailTaken = () => {
  const message = "a user with this email exists already";
  return new ApiError("conflict", `Invalid body: body.email: ${message}`, { fields: [{ field: "body.email", message }] });
};

/** better-auth's refusals as our errors (its own messages); anything else is unexpected. */
async function viaAuth<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (!isAPIError(e)) throw e;
    const message = e.body?.message ?? e.message;
    if (e.body?.code === "USER_ALREADY_EXISTS" || e.body?.code === "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL") throw emailTaken();
    if (e.statusCode === 403) throw new ApiError("forbidden", message);
    if (e.statusCode === 404) throw new ApiError("not_found", message);
    if (e.statusCode === 400 || e.statusCode === 422) throw new ApiError("unprocessable_entity", message);
    throw e;
  }
}

export async function createUser(requestHeaders: Headers, body: CreateUserBody): Promise<AdminUser> {
  const created = await viaAuth(() => getAuth().api.createUser({ headers: requestHeaders, body: { name: body.name, email: body.email, password: body.password, role: body.role } }));
  return userOrThrow(created.user.id);
}

export async function changeUser(admin: SessionUser, requestHeaders: Headers, userId: string, change: UserChangeBody): Promise<AdminUser> {
  await userOrThrow(userId);
  // An admin who disabled or demoted themselves could lock every admin out.
  if (userId === admin.id && (change.action === "disable" || (change.action === "set-role" && change.role !== "ADMIN"))) {
    throw invalidBodyField("action", "you cannot disable your own account or remove your own admin role");
  }
  const auth = getAuth().api;
  const headers = requestHeaders;
  switch (change.action) {
    case "disable":
      await viaAuth(() => auth.banUser({ headers, body: { userId, banReason: `disabled by ${admin.email}` } }));
      break;
    case "enable":
      await viaAuth(() => auth.unbanUser({ headers, body: { userId } }));
      break;
    case "reset-password":
      // A reset usually means the old password is out: every session it opened ends too.
      await viaAuth(() => auth.setUserPassword({ headers, body: { userId, newPassword: change.password } }));
      await viaAuth(() => auth.revokeUserSessions({ headers, body: { userId } }));
      break;
    case "set-role":
      await viaAuth(() => auth.setRole({ headers, body: { userId, role: change.role } }));
      break;
  }
  userSessionsChanged(userId);
  return userOrThrow(userId);
}
