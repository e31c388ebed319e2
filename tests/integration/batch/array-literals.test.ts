// The batch's array literals read back from PostgreSQL exactly: every double bit for bit (what the
// correlation matrices and stress shocks rely on), NaN and ±Infinity as themselves, text as written.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boolArrayLiteral, float8ArrayLiteral, textArrayLiteral } from "@/lib/db/array-literal";
import { useSeededDatabase } from "../helpers";

let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: await useSeededDatabase() });
  await client.connect();
});

afterAll(() => client.end());

/** Doubles across the whole range: random bit patterns of finite values, and the edge cases. */
function doubles(count: number): Float64Array {
  const out = new Float64Array(count);
  const bits = new BigUint64Array(out.buffer);
  let state = 0x9e3779b97f4a7c15n;
  for (let i = 0; i < count; i++) {
    do {
      state = (state * 6364136223846793005n + 1442695040888963407n) & 0xffffffffffffffffn;
      bits[i] = state;
    } while (!Number.isFinite(out[i]!));
  }
  out.set([0, 1, -1, 0.1 + 0.2, 5e-324, -5e-324, 2.2250738585072014e-308, Number.MAX_VALUE, -Number.MAX_VALUE, 1 / 3]);
  return out;
}

describe("array literals of the bulk writes", () => {
  it("read back as the same doubles, booleans and text", async () => {
    const values = doubles(5_000);
    const text = ["BRK.B", "A,B", 'Q"T', "B\\S", "NULL", "{x}", " sp ", "ü"];
    const { rows } = await client.query<{ f: number[]; special: number[]; b: boolean[]; t: string[] }>(
      "SELECT $1::text::float8[] AS f, $2::text::float8[] AS special, $3::text::bool[] AS b, $4::text::text[] AS t",
      [float8ArrayLiteral(values), float8ArrayLiteral([NaN, Infinity, -Infinity]), boolArrayLiteral([true, false]), textArrayLiteral(text)],
    );
    const back = rows[0]!;
    expect(back.f).toHaveLength(values.length);
    expect(back.f.filter((x, i) => !Object.is(x, values[i])), "doubles that did not read back bit for bit").toEqual([]);
    expect(back.special).toEqual([NaN, Infinity, -Infinity]);
    expect(back.b).toEqual([true, false]);
    expect(back.t).toEqual(text);
  });
});
