// Demo accounts as the e2e tests use them, with a stored signed-in browser state per account.
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/seed/demo-portfolios";

export type DemoAccount = "admin" | "individual" | "hnw" | "hedgefund" | "familyoffice";

export function accountEmail(account: DemoAccount): string {
  const user = DEMO_USERS.find((u) => u.email.startsWith(`${account}@`));
  if (!user) throw new Error(`no demo user ${account}`);
  return user.email;
}

export const demoPassword = DEMO_PASSWORD;
// Outside test-results/, which Playwright empties at the start of every run.
export const storageStatePath = (account: DemoAccount) => `.playwright/auth/${process.env.E2E_PORT ?? "3100"}/${account}.json`;
