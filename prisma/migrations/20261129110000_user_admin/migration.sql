-- AlterTable
ALTER TABLE "users" ADD COLUMN "banned" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "ban_reason" TEXT,
ADD COLUMN "ban_expires" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "sessions" ADD COLUMN "impersonated_by" TEXT;

-- AlterTable
ALTER TABLE "stress_scenarios" ADD COLUMN "owner_id" TEXT;

-- CreateIndex
CREATE INDEX "stress_scenarios_owner_id_idx" ON "stress_scenarios"("owner_id");

-- AddForeignKey
ALTER TABLE "stress_scenarios" ADD CONSTRAINT "stress_scenarios_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
