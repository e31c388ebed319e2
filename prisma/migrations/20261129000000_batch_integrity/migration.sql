-- AlterEnum
ALTER TYPE "ReasonCode" ADD VALUE 'NAV_NOT_POSITIVE';
ALTER TYPE "ReasonCode" ADD VALUE 'DEGENERATE_INPUT';
ALTER TYPE "ReasonCode" ADD VALUE 'INVARIANT_VIOLATED';

-- AlterTable
ALTER TABLE "portfolios" ADD COLUMN "inputs_version" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "portfolios" ADD COLUMN "recompute_from" DATE;

-- AlterTable
ALTER TABLE "snapshots" ADD COLUMN "previous_date" DATE;

-- CreateIndex
CREATE INDEX "batch_phases_portfolio_id_idx" ON "batch_phases"("portfolio_id");
