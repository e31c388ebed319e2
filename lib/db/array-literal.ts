// PostgreSQL array literals for the bulk writes: a chunk passes one literal per row in a text[]
// parameter and casts it in SQL (an array column cannot be unnested row by row from a 2-D parameter,
// and a literal built by one join is far cheaper than a JSON document parsed on both sides).

/** `{1,0.5,-0.25}` or `{true,false}`: numbers and booleans need no quoting (NaN and ±Infinity are valid float8 input). */
export const arrayLiteral = (values: readonly number[] | readonly boolean[] | Float64Array): string => `{${values.join(",")}}`;

/** Every element double-quoted, so no text (a comma, a brace, "NULL") is read as anything but itself. */
export const textArrayLiteral = (values: readonly string[]): string => `{${values.map((v) => `"${v.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
