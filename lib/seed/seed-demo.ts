// Seeds the demo accounts and the five demo portfolios (idempotent: existing ones are left alone).
import { hashPassword } from "better-auth/crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { toDbDate } from "@/lib/dates";
import { buildPricePanel } from "@/lib/market-data/price-panel";
import { closeOnDate, type PricePanel } from "@/lib/risk/panel";
import { readPriceFile } from "@/lib/market-data/price-file";
import { formatOccSymbol } from "@/lib/risk/black-scholes";
import { optionEntryPremium } from "./option-entry-premium";
import { DEMO_INCEPTION, DEMO_PASSWORD, DEMO_PORTFOLIOS, DEMO_USERS, type DemoHolding } from "./demo-portfolios";

export async function seedDemoUsers(prisma: PrismaClient): Promise<number> {
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    await prisma.user.upsert({
      where: { id: u.id },
      update: { role: u.role, name: u.name },
      create: { id: u.id, email: u.email, name: u.name, role: u.role, emailVerified: true },
    });
    await prisma.account.upsert({
      where: { id: `${u.id}-credential` },
      update: {},
      create: { id: `${u.id}-credential`, accountId: u.id, providerId: "credential", userId: u.id, password: hash },
    });
  }
  return DEMO_USERS.length;
}

function closeOn(panel: PricePanel, symbol: string, date: string): number {
  const close = closeOnDate(panel, symbol, date);
  if (close === undefined) throw new Error(`Demo seed: no bundled close for ${symbol} on ${date}`);
  return close;
}

type PositionCreate = Parameters<PrismaClient["position"]["create"]>[0]["data"];

function positionFor(h: DemoHolding, portfolioId: string, equity: number, panel: PricePanel, etfs: ReadonlySet<string>): { data: PositionCreate; marks: { date: string; price: number }[] } {
  const entryDate = toDbDate(DEMO_INCEPTION);
  if (h.kind === "public") {
    const price = closeOn(panel, h.symbol, DEMO_INCEPTION);
    const quantity = Math.round((h.weight * equity) / price);
    return {
      data: {
        portfolioId,
        symbol: h.symbol,
        quantity,
        entryPrice: price,
        entryDate,
        positionType: quantity < 0 ? "SHORT" : "LONG",
        investmentClass: "PUBLIC",
        subtype: etfs.has(h.symbol) ? "ETF" : "STOCK",
      },
      marks: [],
    };
  }
  if (h.kind === "option") {
    const spot = closeOn(panel, h.underlying, DEMO_INCEPTION);
    const strike = Math.max(5, Math.round((spot * h.moneyness) / 5) * 5);
    const premium = optionEntryPremium(panel, { underlying: h.underlying, right: h.right, strike, expiry: h.expiry, date: DEMO_INCEPTION });
    const long = h.contracts > 0;
    return {
      data: {
        portfolioId,
        symbol: formatOccSymbol({ root: h.underlying, expiry: h.expiry, right: h.right, strike }),
        quantity: h.contracts,
        entryPrice: premium,
        entryDate,
        positionType: h.right === "C" ? (long ? "LC" : "SC") : long ? "LP" : "SP",
        investmentClass: "OPTIONS",
        subtype: "OPTION",
        underlying: h.underlying,
        strike,
        expiry: toDbDate(h.expiry),
        multiplier: 100,
      },
      marks: [],
    };
  }
  return {
    data: {
      portfolioId,
      symbol: h.name,
      name: h.name,
      quantity: 1,
      entryPrice: h.value,
      entryDate,
      positionType: "LONG",
      investmentClass: "PRIVATE",
      subtype: h.subtype,
    },
    marks: h.marks.map((m) => ({ date: m.date, price: h.value * m.multiple })),
  };
}

export async function seedDemoPortfolios(prisma: PrismaClient, panel: PricePanel = buildPricePanel(readPriceFile())): Promise<number> {
  const etfs = new Set((await prisma.symbol.findMany({ where: { assetType: "ETF" }, select: { symbol: true } })).map((e) => e.symbol));
  let created = 0;
  for (const p of DEMO_PORTFOLIOS) {
    if (await prisma.portfolio.findUnique({ where: { id: p.id }, select: { id: true } })) continue;
    await prisma.$transaction(async (tx) => {
      await tx.portfolio.create({
        data: { id: p.id, name: p.name, description: p.description, ownerId: p.ownerId, startingEquity: p.startingEquity, inceptionDate: toDbDate(DEMO_INCEPTION) },
      });
      for (const h of p.holdings) {
        const { data, marks } = positionFor(h, p.id, p.startingEquity, panel, etfs);
        const pos = await tx.position.create({ data });
        if (marks.length) await tx.privateMark.createMany({ data: marks.map((m) => ({ positionId: pos.id, date: toDbDate(m.date), price: m.price })) });
      }
    });
    created++;
  }
  return created;
}
