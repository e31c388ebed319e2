-- An archived book is hidden from lists and left out of batch runs (its stored results are kept)
ALTER TABLE "portfolios" ADD COLUMN "archived_at" TIMESTAMP(3);
