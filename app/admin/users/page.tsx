import type { Metadata } from "next";
import { UsersAdmin } from "@/components/admin/users-admin";
import { requirePageAdmin } from "@/lib/dal/pages";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Users" };

export default async function AdminUsersPage() {
  const user = await requirePageAdmin();
  return (
    <>
      <h1>Users</h1>
      <UsersAdmin selfId={user.id} />
    </>
  );
}
