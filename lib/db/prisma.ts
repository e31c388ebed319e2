// The Prisma client singleton (driver adapter over pg; Prisma 7 has no Rust engine).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "./pool";

const globalForPrisma = globalThis as unknown as { riskPrisma?: PrismaClient };

export function createPrisma(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}

export function getPrisma(): PrismaClient {
  globalForPrisma.riskPrisma ??= createPrisma(databaseUrl());
  return globalForPrisma.riskPrisma;
}

export async function closePrisma(): Promise<void> {
  await globalForPrisma.riskPrisma?.$disconnect();
  globalForPrisma.riskPrisma = undefined;
}
