"use client";
// The admin's user list: create a user with a role and a first password, disable or enable one (a
// disabled user's sessions end at once), reset a password, change a role. Sign-up stays closed.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { type AdminUser, USER_PASSWORD_MIN_LENGTH, USER_ROLES, type UserChangeBody } from "@/lib/contracts/admin-users";
import { sendEndpoint } from "@/lib/contracts/client";
import { useApi } from "../use-api";
import { TableRegion } from "@/components/table-region";

const ROLE_LABEL = { MANAGER: "Manager", ADMIN: "Admin" } as const;

function CreateUserForm() {
  const client = useQueryClient();
  const [form, setForm] = useState({ name: "", email: "", role: "MANAGER" as AdminUser["role"], password: "" });
  const create = useMutation({
    mutationFn: () => sendEndpoint("createUser", form),
    onSuccess: () => {
      setForm({ name: "", email: "", role: "MANAGER", password: "" });
      return client.invalidateQueries({ queryKey: ["users"] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <section className="panel" aria-labelledby="new-user-heading">
      <h2 id="new-user-heading">New user</h2>
      <form className="row wrap" onSubmit={submit}>
        <label className="field">
          <span>Name</span>
          <input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} autoComplete="off" />
        </label>
        <label className="field">
          <span>Email</span>
          <input required type="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} autoComplete="off" />
        </label>
        <label className="field">
          <span>Role</span>
          <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as AdminUser["role"] })}>
            {USER_ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABEL[r]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>First password (at least {USER_PASSWORD_MIN_LENGTH} characters)</span>
          <input required type="password" minLength={USER_PASSWORD_MIN_LENGTH} value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} autoComplete="new-password" />
        </label>
        <button type="submit" disabled={create.isPending}>
          Create user
        </button>
      </form>
      <div aria-live="polite">
        {create.isError && (
          <p role="alert" className="error">
            {create.error.message}
          </p>
        )}
        {create.isSuccess && <p role="status">Created {create.data.user.email}: they can sign in now.</p>}
      </div>
    </section>
  );
}

function UserActions({ user, self }: { user: AdminUser; self: boolean }) {
  const client = useQueryClient();
  const [password, setPassword] = useState("");
  const change = useMutation({
    mutationFn: (body: UserChangeBody) => sendEndpoint("changeUser", body, user.id),
    onSuccess: () => {
      setPassword("");
      return client.invalidateQueries({ queryKey: ["users"] });
    },
  });
  const reset = (e: FormEvent) => {
    e.preventDefault();
    change.mutate({ action: "reset-password", password });
  };
  return (
    <div className="row wrap">
      {!self && (
        <button type="button" className="secondary" disabled={change.isPending} onClick={() => change.mutate({ action: user.disabled ? "enable" : "disable" })}>
          {user.disabled ? "Enable" : "Disable"} <span className="sr-only">{user.email}</span>
        </button>
      )}
      {!self && (
        <button type="button" className="secondary" disabled={change.isPending} onClick={() => change.mutate({ action: "set-role", role: user.role === "ADMIN" ? "MANAGER" : "ADMIN" })}>
          Make {user.role === "ADMIN" ? "manager" : "admin"} <span className="sr-only">{user.email}</span>
        </button>
      )}
      <form className="row" onSubmit={reset}>
        <label className="sr-only" htmlFor={`password-${user.id}`}>
          New password for {user.email}
        </label>
        <input
          id={`password-${user.id}`}
          type="password"
          placeholder="New password"
          minLength={USER_PASSWORD_MIN_LENGTH}
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="new-password"
        />
        <button type="submit" className="secondary" disabled={change.isPending}>
          Reset password <span className="sr-only">of {user.email}</span>
        </button>
      </form>
      <div aria-live="polite">
        {change.isError && (
          <p role="alert" className="error">
            {change.error.message}
          </p>
        )}
        {change.isSuccess && change.variables.action === "reset-password" && <p role="status">Password reset; their sessions ended.</p>}
      </div>
    </div>
  );
}

export function UsersAdmin({ selfId }: { selfId: string }) {
  const users = useApi("users");
  return (
    <>
      <CreateUserForm />
      <section className="panel" aria-labelledby="users-heading">
        <h2 id="users-heading">Everyone who can sign in</h2>
        {users.isPending && <p className="muted">Loading users…</p>}
        {users.isError && (
          <p role="alert" className="error">
            The users could not be loaded: {users.error.message}{" "}
            <button type="button" className="secondary" onClick={() => void users.refetch()}>
              Retry
            </button>
          </p>
        )}
        {users.data && (
          <TableRegion label="Users">
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                  <th scope="col">State</th>
                  <th scope="col" className="num">Portfolios</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {users.data.users.map((u) => (
                  <tr key={u.id} data-testid={`user-${u.email}`}>
                    <td>{u.name}</td>
                    <td>{u.email}</td>
                    <td>{ROLE_LABEL[u.role]}</td>
                    <td>{u.disabled ? <span className="badge failed">disabled</span> : <span className="badge succeeded">active</span>}</td>
                    <td className="num">{u.portfolioCount}</td>
                    <td>
                      <UserActions user={u} self={u.id === selfId} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
      </section>
    </>
  );
}
