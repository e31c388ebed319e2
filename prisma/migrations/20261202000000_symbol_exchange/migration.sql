-- The exchange of a symbol listed from the market data vendor (null for the bundled symbols)
ALTER TABLE "symbols" ADD COLUMN "exchange" TEXT;
