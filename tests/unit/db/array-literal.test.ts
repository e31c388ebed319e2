import { describe, expect, it } from "vitest";
import { arrayLiteral, textArrayLiteral } from "@/lib/db/array-literal";

describe("PostgreSQL array literals of the bulk writes", () => {
  it("writes numbers as JavaScript prints them (the shortest text that reads back as the same double)", () => {
    expect(arrayLiteral(new Float64Array([1, -0.25, 0.1 + 0.2, 1e-7, 5e-324]))).toBe("{1,-0.25,0.30000000000000004,1e-7,5e-324}");
    expect(arrayLiteral([true, false])).toBe("{true,false}");
    expect(arrayLiteral([])).toBe("{}");
  });

  it("quotes every text element, so separators, quotes, backslashes and NULL stay text", () => {
    expect(textArrayLiteral(["BRK.B", "A,B", 'Q"T', "B\\S", "NULL", "{x}", " sp "])).toBe('{"BRK.B","A,B","Q\\"T","B\\\\S","NULL","{x}"," sp "}');
  });
});
