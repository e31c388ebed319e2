import { describe, expect, it } from "vitest";
import { FetchError } from "@/lib/contracts/client";
import { failureInWords } from "@/lib/failure-words";

describe("a failed section's reason in words", () => {
  it("says the server could not be reached instead of 'Failed to fetch'", () => {
    expect(failureInWords(new TypeError("Failed to fetch"))).toBe("the server could not be reached; check the connection");
  });
  it("names the HTTP failures a manager can act on", () => {
    expect(failureInWords(new FetchError(401, "unauthorized", "Unauthorized"))).toMatch(/session has ended/);
    expect(failureInWords(new FetchError(403, "forbidden", "Forbidden"))).toMatch(/may not read/);
    expect(failureInWords(new FetchError(404, "not_found", "Not found"))).toMatch(/not found/);
    expect(failureInWords(new FetchError(503, "internal", "Request failed with status 503"))).toBe("the server failed to answer (error 503); the failure is in its log");
  });
  it("keeps the server's own words for other client errors", () => {
    expect(failureInWords(new FetchError(422, "invalid", "date: not a trading day"))).toBe("date: not a trading day");
  });
  it("explains an answer that did not match its contract, and anything else", () => {
    expect(failureInWords(new Error("Unexpected answer from var: rows.0.var: expected number"))).toMatch(/not understood/);
    expect(failureInWords("boom")).toBe("an unexpected error happened");
  });
});
