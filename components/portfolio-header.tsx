"use client";
// The head of every portfolio page, shared by their layout: breadcrumb, the page's title and the tabs,
// all following the current path; the tabs keep the date shown (?date=).
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useAsOfDate, withAsOfDate } from "@/components/date-travel/use-as-of-date";

/** `canEdit`: the caller manages the book, so it has a Settings tab. */
export function PortfolioHeader(props: { portfolioId: string; name: string; description: string | null; archived: boolean; canEdit: boolean }) {
  const { portfolioId, name, description, archived, canEdit } = props;
  const pathname = usePathname();
  const date = useAsOfDate();
  const base = `/portfolios/${portfolioId}`;
  const tabs = [
    { href: base, label: "Overview", title: name },
    { href: `${base}/risk`, label: "Risk Metrics", title: `Risk Metrics · ${name}` },
    { href: `${base}/positions`, label: "Positions", title: `Positions · ${name}` },
    { href: `${base}/history`, label: "History", title: `History · ${name}` },
    ...(canEdit ? [{ href: `${base}/settings`, label: "Settings", title: `Settings · ${name}` }] : []),
  ];
  // Pages reached from a tab's content rather than a tab of their own.
  const linked = [
    { href: `${base}/diagnostics`, label: "Regression diagnostics", title: `Regression diagnostics · ${name}` },
    { href: `${base}/report`, label: "Risk report", title: `Risk report · ${name}` },
  ];
  const current = [...tabs, ...linked].find((t) => t.href === pathname) ?? tabs[0]!;
  const overview = current.href === base;
  return (
    <>
      <p className="muted">
        <Link href="/portfolios">Portfolios</Link> /{" "}
        {!overview && (
          <>
            <Link href={base}>{name}</Link> /
          </>
        )}
      </p>
      <h1>
        {current.title} {archived && <span className="badge partial" data-testid="archived-badge">archived</span>}
      </h1>
      {overview && <p className="muted">{description}</p>}
      <nav className="tabs" aria-label="Portfolio pages">
        {tabs.map((t) => (
          <Link key={t.href} href={withAsOfDate(t.href, date)} className={t === current ? "tab active" : "tab"} aria-current={t === current ? "page" : undefined}>
            {t.label}
          </Link>
        ))}
        <Link href={withAsOfDate(`${base}/report`, date)} className="tab print-link" data-testid="print-report-link">
          Print report
        </Link>
      </nav>
    </>
  );
}
