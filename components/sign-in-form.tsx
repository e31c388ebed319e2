"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { authClient } from "@/lib/auth/client";

/** `returnTo`: the page to open once signed in (checked by the sign-in page: a same-origin path). */
export function SignInForm({ returnTo }: { returnTo: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <form
      className="stack"
      onSubmit={async (e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        setPending(true);
        setError(null);
        const { error: err } = await authClient.signIn.email({ email: String(form.get("email")), password: String(form.get("password")) });
        setPending(false);
        if (err) {
          setError(err.status === 429 ? "Too many attempts: wait a minute and try again." : (err.message ?? "Sign-in failed."));
          return;
        }
        router.push(returnTo);
        router.refresh();
      }}
    >
      <label>
        Email
        <br />
        <input name="email" type="email" autoComplete="username" required style={{ width: "100%" }} />
      </label>
      <label>
        Password
        <br />
        <input name="password" type="password" autoComplete="current-password" required style={{ width: "100%" }} />
      </label>
      <button type="submit" disabled={pending}>{pending ? "Signing in…" : "Sign in"}</button>
      {error && <p role="alert" className="error">{error}</p>}
    </form>
  );
}
