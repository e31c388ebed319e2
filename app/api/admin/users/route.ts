// GET /api/admin/users — every user with role, state and portfolio count. POST — a new user (admins only).
import { NextResponse } from "next/server";
import { parseBody, withAdmin } from "@/lib/api/handler";
import { createUserBody } from "@/lib/contracts/admin-users";
import { createUser, listUsers } from "@/lib/dal/admin-users";

export const GET = withAdmin(async () => NextResponse.json({ users: await listUsers() }));

export const POST = withAdmin(async ({ req }) => {
  const body = await parseBody(req, createUserBody, 4_000);
  return NextResponse.json({ user: await createUser(req.headers, body) }, { status: 201 });
});
