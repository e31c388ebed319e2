-- AlterTable
ALTER TABLE "portfolios" ADD COLUMN "benchmark_symbol" TEXT NOT NULL DEFAULT 'SPY';
