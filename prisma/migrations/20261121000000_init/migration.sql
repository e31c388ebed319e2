-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('MANAGER', 'ADMIN');

-- CreateEnum
CREATE TYPE "PositionType" AS ENUM ('LONG', 'SHORT', 'LC', 'LP', 'SC', 'SP');

-- CreateEnum
CREATE TYPE "InvestmentClass" AS ENUM ('PUBLIC', 'OPTIONS', 'PRIVATE');

-- CreateEnum
CREATE TYPE "PositionSubtype" AS ENUM ('STOCK', 'ETF', 'OPTION', 'PRIVATE_EQUITY', 'VENTURE_CAPITAL', 'REAL_ESTATE', 'PRIVATE_CREDIT', 'HEDGE_FUND', 'COLLECTIBLE', 'OTHER');

-- CreateEnum
CREATE TYPE "AssetType" AS ENUM ('STOCK', 'ETF');

-- CreateEnum
CREATE TYPE "FactorKey" AS ENUM ('MARKET', 'IR', 'VALUE', 'GROWTH', 'MOMENTUM', 'QUALITY', 'SIZE', 'LOW_VOL', 'GROWTH_VALUE', 'MOMENTUM_SPREAD', 'SIZE_SPREAD', 'QUALITY_SPREAD');

-- CreateEnum
CREATE TYPE "SnapshotStatus" AS ENUM ('PENDING', 'COMPLETE');

-- CreateEnum
CREATE TYPE "BatchTrigger" AS ENUM ('CRON', 'ADMIN', 'CLI', 'SEED');

-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED');

-- CreateEnum
CREATE TYPE "PhaseStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'SKIPPED', 'FAILED');

-- CreateEnum
CREATE TYPE "BatchPhaseName" AS ENUM ('PREREQUISITES', 'MISSING_DATES', 'MARKET_DATA', 'PRICE_PANEL', 'SYMBOL_ANALYTICS', 'VALUATION', 'OPTION_GREEKS', 'FACTOR_EXPOSURES', 'VOLATILITY_VAR', 'CORRELATIONS', 'CONCENTRATION', 'STRESS_TESTS', 'INTEGRITY_CHECKS', 'FINISH');

-- CreateEnum
CREATE TYPE "ReasonCode" AS ENUM ('NO_PUBLIC_POSITIONS', 'NO_POSITIONS', 'NO_OPTIONS', 'INSUFFICIENT_HISTORY', 'MISSING_PRICES', 'STALE_PRICES', 'UNKNOWN_SYMBOL', 'VENDOR_ERROR', 'ALREADY_COMPLETE', 'NOT_A_TRADING_DAY', 'BEFORE_INCEPTION', 'UPSTREAM_FAILED', 'LOW_COVERAGE', 'NOT_COMPUTED', 'LOCKED_BY_OTHER_RUN', 'ERROR');

-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "email_verified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "role" "Role" NOT NULL DEFAULT 'MANAGER',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "token" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "ip_address" TEXT,
    "user_agent" TEXT,
    "user_id" TEXT NOT NULL,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "accounts" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "provider_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "access_token" TEXT,
    "refresh_token" TEXT,
    "id_token" TEXT,
    "access_token_expires_at" TIMESTAMP(3),
    "refresh_token_expires_at" TIMESTAMP(3),
    "scope" TEXT,
    "password" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verifications" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "verifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limits" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "last_request" BIGINT NOT NULL,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "portfolios" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "owner_id" TEXT NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "starting_equity" DOUBLE PRECISION NOT NULL,
    "inception_date" DATE NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "portfolios_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "positions" (
    "id" TEXT NOT NULL,
    "portfolio_id" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "name" TEXT,
    "quantity" DOUBLE PRECISION NOT NULL,
    "entry_price" DOUBLE PRECISION NOT NULL,
    "entry_date" DATE NOT NULL,
    "exit_price" DOUBLE PRECISION,
    "exit_date" DATE,
    "position_type" "PositionType" NOT NULL,
    "investment_class" "InvestmentClass" NOT NULL,
    "subtype" "PositionSubtype" NOT NULL,
    "underlying" TEXT,
    "strike" DOUBLE PRECISION,
    "expiry" DATE,
    "multiplier" INTEGER NOT NULL DEFAULT 100,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "positions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "private_marks" (
    "position_id" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "price" DOUBLE PRECISION NOT NULL,
    "note" TEXT,

    CONSTRAINT "private_marks_pkey" PRIMARY KEY ("position_id","date")
);

-- CreateTable
CREATE TABLE "capital_flows" (
    "id" TEXT NOT NULL,
    "portfolio_id" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "amount" DOUBLE PRECISION NOT NULL,
    "note" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "capital_flows_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "symbols" (
    "symbol" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "asset_type" "AssetType" NOT NULL,
    "sector" TEXT NOT NULL,

    CONSTRAINT "symbols_pkey" PRIMARY KEY ("symbol")
);

-- CreateTable
CREATE TABLE "prices" (
    "symbol" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "close" DOUBLE PRECISION NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'file',
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "prices_pkey" PRIMARY KEY ("symbol","date")
);

-- CreateTable
CREATE TABLE "factor_definitions" (
    "key" "FactorKey" NOT NULL,
    "display_name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "proxy" TEXT NOT NULL,
    "window" INTEGER NOT NULL,
    "min_obs" INTEGER NOT NULL,
    "sort_order" INTEGER NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "factor_definitions_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "symbol_factor_betas" (
    "symbol" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "factor" "FactorKey" NOT NULL,
    "beta" DOUBLE PRECISION NOT NULL,
    "raw_beta" DOUBLE PRECISION NOT NULL,
    "capped" BOOLEAN NOT NULL,
    "alpha" DOUBLE PRECISION,
    "r_squared" DOUBLE PRECISION NOT NULL,
    "std_error" DOUBLE PRECISION,
    "t_stat" DOUBLE PRECISION,
    "p_value" DOUBLE PRECISION,
    "n" INTEGER NOT NULL,
    "run_id" TEXT,

    CONSTRAINT "symbol_factor_betas_pkey" PRIMARY KEY ("symbol","date","factor")
);

-- CreateTable
CREATE TABLE "portfolio_factor_exposures" (
    "portfolio_id" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "factor" "FactorKey" NOT NULL,
    "beta" DOUBLE PRECISION NOT NULL,
    "dollars" DOUBLE PRECISION NOT NULL,
    "coverage" DOUBLE PRECISION NOT NULL,
    "low_coverage" BOOLEAN NOT NULL,
    "r_squared" DOUBLE PRECISION,
    "run_id" TEXT,

    CONSTRAINT "portfolio_factor_exposures_pkey" PRIMARY KEY ("portfolio_id","date","factor")
);

-- CreateTable
CREATE TABLE "snapshots" (
    "portfolio_id" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "status" "SnapshotStatus" NOT NULL DEFAULT 'PENDING',
    "run_id" TEXT,
    "nav" DOUBLE PRECISION,
    "pnl_day" DOUBLE PRECISION,
    "pnl_cumulative" DOUBLE PRECISION,
    "daily_return" DOUBLE PRECISION,
    "realized_pnl" DOUBLE PRECISION,
    "capital_flow" DOUBLE PRECISION,
    "long_exposure" DOUBLE PRECISION,
    "short_exposure" DOUBLE PRECISION,
    "gross_exposure" DOUBLE PRECISION,
    "net_exposure" DOUBLE PRECISION,
    "cash" DOUBLE PRECISION,
    "private_value" DOUBLE PRECISION,
    "num_positions" INTEGER,
    "num_long" INTEGER,
    "num_short" INTEGER,
    "vol_21" DOUBLE PRECISION,
    "vol_63" DOUBLE PRECISION,
    "vol_forecast_har" DOUBLE PRECISION,
    "vol_forecast_ewma" DOUBLE PRECISION,
    "vol_percentile" DOUBLE PRECISION,
    "vol_trend" TEXT,
    "var_95_hist" DOUBLE PRECISION,
    "var_99_hist" DOUBLE PRECISION,
    "es_95_hist" DOUBLE PRECISION,
    "es_99_hist" DOUBLE PRECISION,
    "var_95_param" DOUBLE PRECISION,
    "var_99_param" DOUBLE PRECISION,
    "es_95_param" DOUBLE PRECISION,
    "es_99_param" DOUBLE PRECISION,
    "hhi" DOUBLE PRECISION,
    "effective_positions" DOUBLE PRECISION,
    "top3_share" DOUBLE PRECISION,
    "top10_share" DOUBLE PRECISION,
    "sector_exposure" JSONB,
    "reasons" JSONB,
    "carried_symbols" TEXT[],
    "stale_symbols" TEXT[],
    "claimed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMP(3),

    CONSTRAINT "snapshots_pkey" PRIMARY KEY ("portfolio_id","date")
);

-- CreateTable
CREATE TABLE "position_valuations" (
    "position_id" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "portfolio_id" TEXT NOT NULL,
    "price" DOUBLE PRECISION NOT NULL,
    "market_value" DOUBLE PRECISION NOT NULL,
    "exposure" DOUBLE PRECISION NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL,
    "pnl_day" DOUBLE PRECISION NOT NULL,
    "pnl_total" DOUBLE PRECISION NOT NULL,
    "carried" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "position_valuations_pkey" PRIMARY KEY ("position_id","date")
);

-- CreateTable
CREATE TABLE "option_greeks" (
    "position_id" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "portfolio_id" TEXT NOT NULL,
    "underlying_price" DOUBLE PRECISION NOT NULL,
    "volatility" DOUBLE PRECISION NOT NULL,
    "time_to_expiry" DOUBLE PRECISION NOT NULL,
    "price" DOUBLE PRECISION NOT NULL,
    "delta" DOUBLE PRECISION NOT NULL,
    "gamma" DOUBLE PRECISION NOT NULL,
    "theta" DOUBLE PRECISION NOT NULL,
    "vega" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "option_greeks_pkey" PRIMARY KEY ("position_id","date")
);

-- CreateTable
CREATE TABLE "correlation_matrices" (
    "portfolio_id" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "symbols" TEXT[],
    "matrix" JSONB NOT NULL,
    "average_abs_correlation" DOUBLE PRECISION,
    "effective_bets" DOUBLE PRECISION,
    "n" INTEGER NOT NULL,

    CONSTRAINT "correlation_matrices_pkey" PRIMARY KEY ("portfolio_id","date")
);

-- CreateTable
CREATE TABLE "stress_scenarios" (
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "shocks" JSONB NOT NULL,
    "built_in" BOOLEAN NOT NULL DEFAULT true,
    "created_by_id" TEXT,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "stress_scenarios_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "stress_results" (
    "portfolio_id" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "scenario_key" TEXT NOT NULL,
    "direct_pnl" DOUBLE PRECISION NOT NULL,
    "correlated_pnl" DOUBLE PRECISION NOT NULL,
    "direct_pct" DOUBLE PRECISION NOT NULL,
    "correlated_pct" DOUBLE PRECISION NOT NULL,
    "new_nav" DOUBLE PRECISION NOT NULL,
    "exceeds_nav" BOOLEAN NOT NULL,
    "shock_vector" JSONB NOT NULL,
    "factor_contributions" JSONB NOT NULL,
    "position_contributions" JSONB NOT NULL,
    "run_id" TEXT,

    CONSTRAINT "stress_results_pkey" PRIMARY KEY ("portfolio_id","date","scenario_key")
);

-- CreateTable
CREATE TABLE "batch_runs" (
    "id" TEXT NOT NULL,
    "as_of_date" DATE NOT NULL,
    "trigger" "BatchTrigger" NOT NULL,
    "triggered_by_id" TEXT,
    "portfolio_ids" TEXT[],
    "force_rerun" BOOLEAN NOT NULL DEFAULT false,
    "from_date" DATE,
    "to_date" DATE,
    "status" "RunStatus" NOT NULL DEFAULT 'RUNNING',
    "executor" TEXT NOT NULL DEFAULT 'local',
    "active_key" TEXT,
    "counts" JSONB,
    "error_message" TEXT,
    "error_stack" TEXT,
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),
    "duration_ms" INTEGER,

    CONSTRAINT "batch_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "batch_phases" (
    "id" TEXT NOT NULL,
    "run_id" TEXT NOT NULL,
    "phase" "BatchPhaseName" NOT NULL,
    "portfolio_id" TEXT,
    "date" DATE,
    "scope_key" TEXT NOT NULL,
    "status" "PhaseStatus" NOT NULL,
    "reason_code" "ReasonCode",
    "counts" JSONB,
    "details" JSONB,
    "duration_ms" INTEGER,
    "error_message" TEXT,
    "error_stack" TEXT,
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "batch_phases_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_token_key" ON "sessions"("token");

-- CreateIndex
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

-- CreateIndex
CREATE INDEX "accounts_user_id_idx" ON "accounts"("user_id");

-- CreateIndex
CREATE INDEX "verifications_identifier_idx" ON "verifications"("identifier");

-- CreateIndex
CREATE UNIQUE INDEX "rate_limits_key_key" ON "rate_limits"("key");

-- CreateIndex
CREATE INDEX "portfolios_owner_id_idx" ON "portfolios"("owner_id");

-- CreateIndex
CREATE INDEX "positions_portfolio_id_idx" ON "positions"("portfolio_id");

-- CreateIndex
CREATE INDEX "positions_symbol_idx" ON "positions"("symbol");

-- CreateIndex
CREATE INDEX "capital_flows_portfolio_id_date_idx" ON "capital_flows"("portfolio_id", "date");

-- CreateIndex
CREATE INDEX "prices_date_idx" ON "prices"("date");

-- CreateIndex
CREATE INDEX "symbol_factor_betas_date_factor_idx" ON "symbol_factor_betas"("date", "factor");

-- CreateIndex
CREATE INDEX "snapshots_portfolio_id_status_date_idx" ON "snapshots"("portfolio_id", "status", "date");

-- CreateIndex
CREATE INDEX "position_valuations_portfolio_id_date_idx" ON "position_valuations"("portfolio_id", "date");

-- CreateIndex
CREATE INDEX "option_greeks_portfolio_id_date_idx" ON "option_greeks"("portfolio_id", "date");

-- CreateIndex
CREATE UNIQUE INDEX "batch_runs_active_key_key" ON "batch_runs"("active_key");

-- CreateIndex
CREATE INDEX "batch_runs_started_at_idx" ON "batch_runs"("started_at");

-- CreateIndex
CREATE INDEX "batch_runs_status_idx" ON "batch_runs"("status");

-- CreateIndex
CREATE INDEX "batch_phases_run_id_started_at_idx" ON "batch_phases"("run_id", "started_at");

-- CreateIndex
CREATE UNIQUE INDEX "batch_phases_run_id_phase_scope_key_key" ON "batch_phases"("run_id", "phase", "scope_key");

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "portfolios" ADD CONSTRAINT "portfolios_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "positions" ADD CONSTRAINT "positions_portfolio_id_fkey" FOREIGN KEY ("portfolio_id") REFERENCES "portfolios"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "private_marks" ADD CONSTRAINT "private_marks_position_id_fkey" FOREIGN KEY ("position_id") REFERENCES "positions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "capital_flows" ADD CONSTRAINT "capital_flows_portfolio_id_fkey" FOREIGN KEY ("portfolio_id") REFERENCES "portfolios"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "portfolio_factor_exposures" ADD CONSTRAINT "portfolio_factor_exposures_portfolio_id_fkey" FOREIGN KEY ("portfolio_id") REFERENCES "portfolios"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_portfolio_id_fkey" FOREIGN KEY ("portfolio_id") REFERENCES "portfolios"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "position_valuations" ADD CONSTRAINT "position_valuations_position_id_fkey" FOREIGN KEY ("position_id") REFERENCES "positions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "option_greeks" ADD CONSTRAINT "option_greeks_position_id_fkey" FOREIGN KEY ("position_id") REFERENCES "positions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "correlation_matrices" ADD CONSTRAINT "correlation_matrices_portfolio_id_fkey" FOREIGN KEY ("portfolio_id") REFERENCES "portfolios"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stress_results" ADD CONSTRAINT "stress_results_portfolio_id_fkey" FOREIGN KEY ("portfolio_id") REFERENCES "portfolios"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stress_results" ADD CONSTRAINT "stress_results_scenario_key_fkey" FOREIGN KEY ("scenario_key") REFERENCES "stress_scenarios"("key") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "batch_runs" ADD CONSTRAINT "batch_runs_triggered_by_id_fkey" FOREIGN KEY ("triggered_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "batch_phases" ADD CONSTRAINT "batch_phases_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "batch_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "batch_phases" ADD CONSTRAINT "batch_phases_portfolio_id_fkey" FOREIGN KEY ("portfolio_id") REFERENCES "portfolios"("id") ON DELETE CASCADE ON UPDATE CASCADE;

