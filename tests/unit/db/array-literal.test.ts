import { describe, expect, it } from "vitest";
import { boolArrayLiteral, float8ArrayLiteral, textArrayLiteral } from "@/lib/db/array-literal";

describe("PostgreSQL array literals of the bulk writes", () => {
  it("writes numbers as JavaScript prints them (the shortest text that reads back as the same double)", () => {
    const values = [1, -0.25, 0.1 + 0.2, 1e-7, 5e-324, -1.7976931348623157e308];
    const literal = "{1,-0.25,0.30000000000000004,1e-7,5e-324,-1.7976931348623157e+308}";
    expect(float8ArrayLiteral(new Float64Array(values))).toBe(literal);
    expect(float8ArrayLiteral(values)).toBe(literal);
    expect(float8ArrayLiteral([])).toBe("{}");
  });

  it("keeps NaN and ±Infinity as float8 input, never null (an SQL NULL in a literal)", () => {
    expect(float8ArrayLiteral(new Float64Array([0.5, NaN, Infinity, -Infinity]))).toBe("{0.5,NaN,Infinity,-Infinity}");
  });

  it("writes booleans as true and false", () => {
    expect(boolArrayLiteral([true, false])).toBe("{true,false}");
  });

  it("quotes every text element, so separators, quotes, backslashes and NULL stay text", () => {
    expect(textArrayLiteral(["BRK.B", "A,B", 'Q"T', "B\\S", "NULL", "{x}", " sp "])).toBe('{"BRK.B","A,B","Q\\"T","B\\\\S","NULL","{x}"," sp "}');
  });
});
