// The pure rules of sign-in limiting: the X-Forwarded-For the server hands on, and the lockout's backoff.
import { describe, expect, it } from "vitest";
import { FIRST_LOCK_SECONDS, FREE_FAILURES, lockSeconds, MAX_LOCK_SECONDS } from "@/lib/auth/sign-in-lockout";
import { forwardedFor } from "@/lib/http/forwarded-for";

describe("forwardedFor", () => {
  it("without trusted proxies, the socket address alone: a client's own header is dropped", () => {
    expect(forwardedFor("1.2.3.4", "198.51.100.7", [])).toBe("198.51.100.7");
    expect(forwardedFor(["1.2.3.4", "5.6.7.8"], "198.51.100.7", [])).toBe("198.51.100.7");
    expect(forwardedFor(undefined, "198.51.100.7", [])).toBe("198.51.100.7");
  });

  it("with trusted proxies, the chain then the socket address, for better-auth to walk from the right", () => {
    expect(forwardedFor("1.2.3.4, 10.0.0.2", "10.0.0.1", ["10.0.0.0/8"])).toBe("1.2.3.4, 10.0.0.2, 10.0.0.1");
    expect(forwardedFor(undefined, "10.0.0.1", ["10.0.0.0/8"])).toBe("10.0.0.1");
    expect(forwardedFor(" ", "10.0.0.1", ["10.0.0.0/8"])).toBe("10.0.0.1");
  });

  it("no socket address, no header", () => {
    expect(forwardedFor("1.2.3.4", undefined, [])).toBeUndefined();
  });
});

describe("lockSeconds", () => {
  it(`is free for ${FREE_FAILURES - 1} failures, then ${FIRST_LOCK_SECONDS} s doubling per failure up to ${MAX_LOCK_SECONDS} s`, () => {
    expect(lockSeconds(FREE_FAILURES - 1)).toBe(0);
    expect([0, 1, 2, 3].map((k) => lockSeconds(FREE_FAILURES + k))).toEqual([FIRST_LOCK_SECONDS, 2 * FIRST_LOCK_SECONDS, 4 * FIRST_LOCK_SECONDS, 8 * FIRST_LOCK_SECONDS]);
    expect(lockSeconds(FREE_FAILURES + 40)).toBe(MAX_LOCK_SECONDS);
  });
});
