import { describe, expect, test } from "vitest";
import { parse } from "csv-parse/sync";
import { neutraliseText, toCsv } from "@/lib/export/csv";

describe("CSV formula neutralisation", () => {
  test.each(["=1+2", "+SUM(A1:A2)", "-2+3", "@cmd", "\tTAB", "\rCR", '=HYPERLINK("http://x","y")', "-", "+", "=", "-A1"])(
    "a text cell starting like a formula is prefixed with an apostrophe: %j",
    (text) => {
      expect(neutraliseText(text)).toBe(`'${text}`);
    },
  );

  test.each(["-12.5", "-1234", "+3", "1e-3", "-.5", "-2E+10", "AAPL", "Market", "a=b", "2026-07-13"])("a plain number or ordinary text is kept: %j", (text) => {
    expect(neutraliseText(text)).toBe(text);
  });

  test("numbers given as numbers stay numbers, negatives included; a missing figure is an empty cell", () => {
    expect(toCsv(["a", "b", "c", "d", "e"], [[-1234.5, 0.25, null, undefined, Number.NaN]])).toBe("a,b,c,d,e\r\n-1234.5,0.25,,,\r\n");
  });

  test("fields with commas, quotes and line breaks are quoted, and read back as written (after neutralising)", () => {
    const text = toCsv(["symbol", "note"], [["BRK.B", 'a "quoted", text\nover lines'], ["=EVIL()", "-1"], [true, false]]);
    expect(parse(text)).toEqual([["symbol", "note"], ["BRK.B", 'a "quoted", text\nover lines'], ["'=EVIL()", "-1"], ["true", "false"]]);
    expect(text.endsWith("\r\n")).toBe(true);
  });

  test("a short row is padded with empty cells to the header's width", () => {
    expect(toCsv(["a", "b", "c"], [["x"]])).toBe("a,b,c\r\nx,,\r\n");
  });

  test("a header cell is neutralised like any other text", () => {
    expect(toCsv(["=x"], [])).toBe("'=x\r\n");
  });
});
