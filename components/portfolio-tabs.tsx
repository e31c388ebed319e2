"use client";
// Navigation between a portfolio's pages.
import Link from "next/link";
import { usePathname } from "next/navigation";

export function PortfolioTabs({ portfolioId }: { portfolioId: string }) {
  const pathname = usePathname();
  const base = `/portfolios/${portfolioId}`;
  const tabs = [
    { href: base, label: "Overview" },
    { href: `${base}/risk`, label: "Risk Metrics" },
    { href: `${base}/positions`, label: "Positions" },
  ];
  return (
    <nav className="tabs" aria-label="Portfolio pages">
      {tabs.map((t) => (
        <Link key={t.href} href={t.href} className={pathname === t.href ? "tab active" : "tab"} aria-current={pathname === t.href ? "page" : undefined}>
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
