import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/sign-in-form";
import { safeReturnPath } from "@/lib/auth/return-path";
import { getSessionUser } from "@/lib/dal/session";

export const metadata: Metadata = { title: "Sign in" };

// ?next= is the page the visitor asked for: they return to it, if it is a same-origin path.
export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const returnTo = safeReturnPath(typeof next === "string" ? next : null) ?? "/portfolios";
  if (await getSessionUser()) redirect(returnTo);
  return (
    <div className="panel" style={{ maxWidth: 420, margin: "3rem auto" }}>
      <h1>Sign in to Riskline</h1>
      <SignInForm returnTo={returnTo} />
    </div>
  );
}
