-- CreateTable
CREATE TABLE "symbol_stress_betas" (
    "symbol" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "betas" DOUBLE PRECISION[],
    "r_squared" DOUBLE PRECISION NOT NULL,
    "n" INTEGER NOT NULL,
    "run_id" TEXT,

    CONSTRAINT "symbol_stress_betas_pkey" PRIMARY KEY ("symbol","date")
);

-- AlterTable
ALTER TABLE "stress_results" ADD COLUMN "shocks" DOUBLE PRECISION[],
ADD COLUMN "shock_given" BOOLEAN[];

-- ConvertData
UPDATE "stress_results" AS r SET
  "shocks" = ARRAY(SELECT (e ->> 'shock')::float8 FROM jsonb_array_elements(r."shock_vector") AS e ORDER BY array_position(ARRAY['SPY','VTV','VUG','MTUM','QUAL','IWM','USMV','TLT'], e ->> 'proxy')),
  "shock_given" = ARRAY(SELECT (e ->> 'given')::boolean FROM jsonb_array_elements(r."shock_vector") AS e ORDER BY array_position(ARRAY['SPY','VTV','VUG','MTUM','QUAL','IWM','USMV','TLT'], e ->> 'proxy'));

-- AlterTable
ALTER TABLE "stress_results" DROP COLUMN "factor_contributions",
DROP COLUMN "position_contributions",
DROP COLUMN "shock_vector";

-- Recompute
UPDATE "portfolios" SET "recompute_from" = "inception_date";
