-- AlterEnum
ALTER TYPE "BatchTrigger" ADD VALUE 'RECOMPUTE';

-- AlterTable
ALTER TABLE "portfolios" ADD COLUMN "recompute_requested_at" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "scheduled_fires" (
    "job" TEXT NOT NULL,
    "as_of_date" DATE NOT NULL,
    "fired_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimed_by" TEXT NOT NULL,
    "run_id" TEXT,

    CONSTRAINT "scheduled_fires_pkey" PRIMARY KEY ("job","as_of_date")
);
