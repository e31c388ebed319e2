// The migration that moved each stored correlation matrix out of its JSON document
// (20261205000000_correlation_matrix_array) loses nothing: the demo batch's real matrices, stored as
// the earlier writer stored them (one JSON document per row), read back after the migration as the
// very same doubles, symbols, weights, window and excluded holdings. The committed migrations before
// it are applied in a schema of their own, so the test needs no database but its file's.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useSeededDatabase } from "../helpers";

const MIGRATION = "20261205000000_correlation_matrix_array";
const DIR = path.resolve("prisma/migrations");
const SCHEMA = `corr_migration_${process.pid}`;
const migrationSql = (name: string) => readFileSync(path.join(DIR, name, "migration.sql"), "utf8");

interface StoredRow {
  portfolio_id: string;
  date: string;
  symbols: string[];
  matrix: number[];
  weights: number[];
  window_from: string;
  window_to: string;
  excluded: unknown;
  average_abs_correlation: number | null;
  effective_bets: number | null;
  n: number;
}

const SELECT_ROWS = `SELECT portfolio_id, date::text, symbols, matrix, weights, window_from::text, window_to::text, excluded, average_abs_correlation, effective_bets, n
  FROM correlation_matrices ORDER BY portfolio_id, date`;

let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: await useSeededDatabase() });
  await client.connect();
});

afterAll(async () => {
  await client.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await client.end();
});

describe(`migration ${MIGRATION}`, () => {
  it("converts every stored JSON matrix to the arrays and dates that read back identically", async () => {
    const { rows: written } = await client.query<StoredRow>(SELECT_ROWS);
    expect(written.length, "the template's demo batch stored matrices").toBeGreaterThan(100);

    const earlier = readdirSync(DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory() && d.name < MIGRATION)
      .map((d) => d.name)
      .sort();
    await client.query(`CREATE SCHEMA ${SCHEMA}`);
    await client.query(`SET search_path TO ${SCHEMA}`);
    for (const name of earlier) await client.query(migrationSql(name));
    // Only the conversion is under test: the rows' books are not copied into this schema.
    await client.query(`ALTER TABLE correlation_matrices DROP CONSTRAINT correlation_matrices_portfolio_id_fkey`);
    // As the earlier writer stored them: the document JSON.stringify made, parsed as jsonb.
    await client.query(
      `INSERT INTO correlation_matrices (portfolio_id, date, symbols, matrix, average_abs_correlation, effective_bets, n)
       SELECT r.portfolio_id, r.date, r.symbols, r.doc, r.avg, r.bets, r.n
       FROM jsonb_to_recordset($1::jsonb) AS r(portfolio_id text, date date, symbols text[], doc jsonb, avg float8, bets float8, n int)`,
      [
        JSON.stringify(
          written.map((r) => ({
            portfolio_id: r.portfolio_id,
            date: r.date,
            symbols: r.symbols,
            doc: { rows: Array.from({ length: r.n }, (_, i) => r.matrix.slice(i * r.n, (i + 1) * r.n)), weights: r.weights, from: r.window_from, to: r.window_to, excluded: r.excluded },
            avg: r.average_abs_correlation,
            bets: r.effective_bets,
            n: r.n,
          })),
        ),
      ],
    );

    await client.query(migrationSql(MIGRATION));

    const { rows: migrated } = await client.query<StoredRow>(SELECT_ROWS);
    expect(migrated).toHaveLength(written.length);
    migrated.forEach((m, i) => {
      const w = written[i]!;
      expect(m, `${w.portfolio_id} ${w.date}`).toEqual(w);
      // toEqual compares numbers with Object.is: every correlation is the same double, bit for bit.
      expect(m.matrix.every((x, j) => Object.is(x, w.matrix[j])), `${w.portfolio_id} ${w.date} matrix`).toBe(true);
    });
    const { rows: columns } = await client.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'correlation_matrices' ORDER BY column_name`,
      [SCHEMA],
    );
    const { rows: current } = await client.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'correlation_matrices' ORDER BY column_name`,
    );
    expect(columns, "the migrated table has the current columns, the JSON one dropped").toEqual(current);
  });
});
