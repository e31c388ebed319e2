// Position inputs are bounded at the API: a non-finite or absurd figure (1e308 shares) is refused with
// the field named, by the CSV import, the edit and the rules both share.
import { describe, expect, test } from "vitest";
import { MAX_ABS_QUANTITY, MAX_PRICE, positionPatchSchema } from "@/lib/contracts/positions";
import { parsePositionCsv } from "@/lib/positions/parse-position-csv";
import { checkPositionRules, type PositionDraft } from "@/lib/positions/position-rules";

const stock: PositionDraft = {
  symbol: "AAPL",
  quantity: 100,
  entryPrice: 190.5,
  entryDate: "2025-07-14",
  exitPrice: null,
  exitDate: null,
  positionType: "LONG",
  investmentClass: "PUBLIC",
  subtype: "STOCK",
  underlying: null,
  strike: null,
  expiry: null,
};
const call: PositionDraft = { ...stock, symbol: "AAPL260918C00200000", quantity: 2, entryPrice: 12, positionType: "LC", investmentClass: "OPTIONS", subtype: "OPTION", underlying: "AAPL", strike: 200, expiry: "2026-09-18" };

describe("position rules: bounds", () => {
  test("quantities, prices and strikes within the bounds pass", () => {
    expect(checkPositionRules(stock)).toEqual([]);
    expect(checkPositionRules(call)).toEqual([]);
    expect(checkPositionRules({ ...stock, quantity: MAX_ABS_QUANTITY, entryPrice: MAX_PRICE })).toEqual([]);
    expect(checkPositionRules({ ...stock, quantity: -MAX_ABS_QUANTITY, positionType: "SHORT" })).toEqual([]);
  });

  test.each([
    ["1e308 shares", { quantity: 1e308 }, "quantity", "must be at most 1,000,000,000 in absolute value"],
    ["a short of −2e9", { quantity: -2e9, positionType: "SHORT" }, "quantity", "must be at most 1,000,000,000 in absolute value"],
    ["an infinite quantity", { quantity: Number.POSITIVE_INFINITY }, "quantity", "must be a finite number"],
    ["a NaN quantity", { quantity: Number.NaN }, "quantity", "must be a finite number"],
    ["an entry price of 0", { entryPrice: 0 }, "entryPrice", "must be positive"],
    ["an entry price above 1e7", { entryPrice: 2e7 }, "entryPrice", "must be at most 10,000,000"],
    ["an infinite exit price", { exitPrice: Number.POSITIVE_INFINITY, exitDate: "2025-08-01" }, "exitPrice", "must be a finite number"],
    ["a negative exit price", { exitPrice: -1, exitDate: "2025-08-01" }, "exitPrice", "must be positive"],
  ] as const)("%s is refused on its field", (_, change, field, message) => {
    expect(checkPositionRules({ ...stock, ...change })).toEqual([{ field, message }]);
  });

  test("an option's strike must be positive, finite and at most 1e7", () => {
    expect(checkPositionRules({ ...call, strike: 0 })).toEqual([{ field: "strike", message: "must be positive" }]);
    expect(checkPositionRules({ ...call, strike: Number.NaN })).toEqual([{ field: "strike", message: "must be a finite number" }]);
    expect(checkPositionRules({ ...call, strike: 5e7 })).toEqual([{ field: "strike", message: "must be at most 10,000,000" }]);
  });
});

describe("CSV import: bounds name the column", () => {
  const header = "symbol,quantity,entry_price,entry_date,type,class";
  const symbols = new Map([["AAPL", "STOCK" as const]]);
  const errorsOf = (row: string) => parsePositionCsv(`${header}\n${row}\n`, symbols).errors;

  test("a quantity of 1e308 or an entry price of 1e8 is an error on that column; 1e400 is not a finite number", () => {
    expect(errorsOf("AAPL,1e308,190,2025-07-14,LONG,PUBLIC")).toEqual([{ row: 2, field: "quantity", message: "must be at most 1,000,000,000 in absolute value" }]);
    expect(errorsOf("AAPL,100,1e8,2025-07-14,LONG,PUBLIC")).toEqual([{ row: 2, field: "entry_price", message: "must be at most 10,000,000" }]);
    expect(errorsOf("AAPL,1e400,190,2025-07-14,LONG,PUBLIC")).toEqual([{ row: 2, field: "quantity", message: "must be a finite number" }]);
    expect(errorsOf("AAPL,100,190,2025-07-14,LONG,PUBLIC")).toEqual([]);
  });
});

describe("position edit: bounds in the request schema", () => {
  const issues = (body: unknown) => {
    const r = positionPatchSchema.safeParse(body);
    return r.success ? [] : r.error.issues.map((i) => [i.path.join("."), i.message]);
  };

  test("quantity, prices and private marks out of bounds are refused, naming the field", () => {
    expect(issues({ quantity: 1e308 })).toEqual([["quantity", "must be at most 1,000,000,000 in absolute value"]]);
    expect(issues({ entryPrice: 0 })).toEqual([["entryPrice", "must be positive"]]);
    expect(issues({ exitPrice: 1e9, exitDate: "2026-01-02" })).toEqual([["exitPrice", "must be at most 10,000,000"]]);
    expect(issues({ privateMark: { date: "2026-01-02", price: 1e300 } })).toEqual([["privateMark.price", "must be at most 10,000,000"]]);
    expect(issues({ quantity: -250, entryPrice: 99.5, exitPrice: null, privateMark: { date: "2026-01-02", price: 1_250_000 } })).toEqual([]);
  });
});
