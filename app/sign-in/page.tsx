import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/sign-in-form";
import { getSessionUser } from "@/lib/dal/session";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage() {
  if (await getSessionUser()) redirect("/portfolios");
  return (
    <div className="panel" style={{ maxWidth: 420, margin: "3rem auto" }}>
      <h1>Sign in to Riskline</h1>
      <SignInForm />
    </div>
  );
}
