-- AlterTable
ALTER TABLE "batch_runs" ADD COLUMN     "heartbeat_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "portfolio_locks" (
    "portfolio_id" TEXT NOT NULL,
    "run_id" TEXT NOT NULL,
    "acquired_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "portfolio_locks_pkey" PRIMARY KEY ("portfolio_id")
);

