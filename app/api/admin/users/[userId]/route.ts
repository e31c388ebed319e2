// PATCH /api/admin/users/[userId] — disable (sessions end at once), enable, reset the password, change the role.
import { NextResponse } from "next/server";
import { fromZodError } from "@/lib/api/errors";
import { parseBody, withAdmin } from "@/lib/api/handler";
import { userChangeBody, userParams } from "@/lib/contracts/admin-users";
import { changeUser } from "@/lib/dal/admin-users";

export const PATCH = withAdmin(async ({ req, user, params: raw }) => {
  const params = userParams.safeParse(raw);
  if (!params.success) throw fromZodError(params.error, "params");
  const change = await parseBody(req, userChangeBody, 4_000);
  return NextResponse.json({ user: await changeUser(user, req.headers, params.data.userId, change) });
});
