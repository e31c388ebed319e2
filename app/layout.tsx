import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { Providers } from "@/components/providers";
import { RouteFocus } from "@/components/route-focus";
import { SignOutButton } from "@/components/sign-out-button";
import { getSessionUser } from "@/lib/dal/session";
import "./globals.css";
import "./analysis.css";

// Each page names itself; the tab reads "Risk Metrics · Long/Short Equity Fund · Riskline".
export const metadata: Metadata = { title: { default: "Riskline", template: "%s · Riskline" }, description: "Portfolio risk analytics" };
export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <header className="top">
          <Link href="/portfolios" className="brand">Riskline</Link>
          {user && <Link href="/portfolios">Portfolios</Link>}
          {user?.role === "ADMIN" && <Link href="/admin/batch">Batch</Link>}
          {user?.role === "ADMIN" && <Link href="/admin/data">Data</Link>}
          {user?.role === "ADMIN" && <Link href="/admin/users">Users</Link>}
          <span className="spacer" />
          {user && (
            <>
              <span data-testid="signed-in-as">{user.name} · {user.role === "ADMIN" ? "Admin" : "Manager"}</span>
              <SignOutButton />
            </>
          )}
        </header>
        <Providers>
          <main id="main" tabIndex={-1}>
            {children}
          </main>
          <RouteFocus targetId="main" />
        </Providers>
      </body>
    </html>
  );
}
