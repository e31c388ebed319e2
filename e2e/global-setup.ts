// Signs each demo account in once through the real sign-in page and stores its browser state, so
// tests start signed in with `test.use({ storageState: storageStatePath("hedgefund") })`.
import { chromium, type FullConfig } from "@playwright/test";
import { accountEmail, demoPassword, storageStatePath, type DemoAccount } from "./accounts";

const ACCOUNTS: DemoAccount[] = ["admin", "individual", "hnw", "hedgefund", "familyoffice"];

export default async function globalSetup(config: FullConfig) {
  const { baseURL, launchOptions } = config.projects[0]!.use;
  const browser = await chromium.launch(launchOptions);
  for (const account of ACCOUNTS) {
    const page = await browser.newPage({ baseURL });
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(accountEmail(account));
    await page.getByLabel("Password").fill(demoPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/portfolios");
    await page.context().storageState({ path: storageStatePath(account) });
    await page.close();
  }
  await browser.close();
}
