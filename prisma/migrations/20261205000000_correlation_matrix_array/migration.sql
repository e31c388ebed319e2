-- The JSON document of each stored matrix becomes typed columns: the correlations as one float8[]
-- (row-major n by n, diagonal included), the weights as a float8[], the window as two dates. Only the
-- short list of excluded holdings stays JSON. Existing rows are converted, not recomputed: every number
-- is read back from its JSON text, so each stored value reads back as the same double.

-- AlterTable
ALTER TABLE "correlation_matrices" RENAME COLUMN "matrix" TO "matrix_json";

-- AlterTable
ALTER TABLE "correlation_matrices" ADD COLUMN "matrix" DOUBLE PRECISION[],
ADD COLUMN "weights" DOUBLE PRECISION[],
ADD COLUMN "window_from" DATE,
ADD COLUMN "window_to" DATE,
ADD COLUMN "excluded" JSONB;

-- ConvertData
UPDATE "correlation_matrices" AS c SET
  "matrix" = ARRAY(
    SELECT e.x::float8
    FROM jsonb_array_elements(c."matrix_json" -> 'rows') WITH ORDINALITY AS r(v, i),
         jsonb_array_elements_text(r.v) WITH ORDINALITY AS e(x, j)
    ORDER BY r.i, e.j),
  "weights" = ARRAY(SELECT w.x::float8 FROM jsonb_array_elements_text(c."matrix_json" -> 'weights') WITH ORDINALITY AS w(x, i) ORDER BY w.i),
  "window_from" = (c."matrix_json" ->> 'from')::date,
  "window_to" = (c."matrix_json" ->> 'to')::date,
  "excluded" = c."matrix_json" -> 'excluded';

-- AlterTable
ALTER TABLE "correlation_matrices" DROP COLUMN "matrix_json",
ALTER COLUMN "window_from" SET NOT NULL,
ALTER COLUMN "window_to" SET NOT NULL,
ALTER COLUMN "excluded" SET NOT NULL;
