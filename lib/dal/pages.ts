import "server-only";
import type { Metadata } from "next";
// Page-side guards: pages redirect to sign-in and answer 404 instead of returning JSON errors.
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { ApiError } from "@/lib/api/errors";
import { signInPath } from "@/lib/auth/return-path";
import { REQUEST_PATH_HEADER } from "@/lib/http/request-path";
import type { PortfolioSummary } from "@/lib/contracts/portfolios";
import { getPortfolioOrThrow } from "./portfolios";
import { getSessionUser, type SessionUser } from "./session";

export async function requirePageUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(signInPath((await headers()).get(REQUEST_PATH_HEADER)));
  return user;
}

export async function requirePageAdmin(): Promise<SessionUser> {
  const user = await requirePageUser();
  if (user.role !== "ADMIN") notFound();
  return user;
}

/** The portfolio a page shows, checked once per request (the portfolio layout and its page share it). */
export const getPagePortfolio = cache(async (id: string): Promise<{ user: SessionUser; portfolio: PortfolioSummary }> => {
  const user = await requirePageUser();
  try {
    return { user, portfolio: await getPortfolioOrThrow(user, id) };
  } catch (e) {
    if (e instanceof ApiError && e.code === "not_found") notFound();
    throw e;
  }
});

/** A portfolio page's title: the section (if any) and the book's name, for its generateMetadata. */
export function portfolioPageTitle(section?: string) {
  return async ({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> => {
    const { portfolio } = await getPagePortfolio((await params).id);
    return { title: section ? `${section} · ${portfolio.name}` : portfolio.name };
  };
}
