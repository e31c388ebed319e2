// The one CSV serializer of the exports (RFC 4180: comma-separated, CRLF line ends, a field quoted when
// it holds a comma, a quote, CR or LF, its quotes doubled). Pure, so the unit tests hold it.
//
// Formula injection: a spreadsheet runs a cell whose text starts with =, +, -, @, a tab or CR as a
// formula. A text cell starting so is written with a leading apostrophe ('=HYPERLINK(…) stays text).
// Numbers stay numbers: a cell given as a number is never prefixed (so −1234.5 is still −1234.5 in the
// sheet), and neither is a text cell that is exactly a plain decimal number ("-12.5", "1e-3"), which
// no spreadsheet reads as a formula. A missing figure (null) is an empty cell, never 0.

export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A text cell as written: prefixed with ' when a spreadsheet would run it as a formula. */
export function neutraliseText(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  if (typeof cell === "boolean") return cell ? "true" : "false";
  return neutraliseText(cell);
}

function quoted(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A header line and one line per row, each ending in CRLF; a row shorter than the header is padded
 * with empty cells, so every line has the header's number of fields. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const line = (r: readonly CsvCell[]) => `${Array.from({ length: Math.max(header.length, r.length) }, (_, i) => quoted(cellText(r[i]))).join(",")}\r\n`;
  return [header, ...rows].map(line).join("");
}
