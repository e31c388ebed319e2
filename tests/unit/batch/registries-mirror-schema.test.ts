// The database enums mirror the code registries: a factor, reason or phase added on one side only
// fails here instead of at 18:30 in the batch.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { BATCH_PHASES, BATCH_TRIGGERS, PHASE_STATUSES, RUN_STATUSES } from "@/lib/contracts/admin-runs";
import { FACTOR_KEYS } from "@/lib/factors/registry";
import { REASON_CODES } from "@/lib/reason-codes";

const schema = readFileSync("prisma/schema.prisma", "utf8");
const prismaEnum = (name: string) => {
  const m = new RegExp(`enum ${name} \\{([^}]*)\\}`).exec(schema);
  if (!m) throw new Error(`enum ${name} not in schema.prisma`);
  return m[1]!.split("\n").map((l) => l.trim()).filter(Boolean);
};

describe("database enums mirror the registries", () => {
  test("FactorKey", () => expect(prismaEnum("FactorKey")).toEqual([...FACTOR_KEYS]));
  test("ReasonCode", () => expect(prismaEnum("ReasonCode")).toEqual([...REASON_CODES]));
  test("BatchPhaseName", () => expect(prismaEnum("BatchPhaseName")).toEqual([...BATCH_PHASES]));
  test("BatchTrigger, RunStatus and PhaseStatus (the admin contract)", () => {
    expect(prismaEnum("BatchTrigger")).toEqual([...BATCH_TRIGGERS]);
    expect(prismaEnum("RunStatus")).toEqual([...RUN_STATUSES]);
    expect(prismaEnum("PhaseStatus")).toEqual([...PHASE_STATUSES]);
  });
});
