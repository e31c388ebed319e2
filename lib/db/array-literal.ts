// PostgreSQL array literals for the bulk writes: a chunk passes one literal per row in a text[]
// parameter and casts it in SQL (an array column cannot be unnested row by row from a 2-D parameter,
// and one literal per row is far cheaper than a JSON document parsed on both sides).

/**
 * `{1,-0.25,1e-7}`: each number as JavaScript prints it, the shortest text that reads back as the same
 * double. Printed by JSON.stringify, V8's fastest path for a whole array; it writes NaN and ±Infinity as
 * null (an SQL NULL in a literal), so an array holding one is joined instead ("NaN", "Infinity" are float8 input).
 */
export function float8ArrayLiteral(values: readonly number[] | Float64Array): string {
  const json = JSON.stringify(Array.isArray(values) ? values : Array.from(values));
  return json.includes("null") ? `{${values.join(",")}}` : `{${json.slice(1, -1)}}`;
}

export const boolArrayLiteral = (values: readonly boolean[]): string => `{${values.join(",")}}`;

/** Every element double-quoted, so no text (a comma, a brace, "NULL") is read as anything but itself. */
export const textArrayLiteral = (values: readonly string[]): string => `{${values.map((v) => `"${v.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
