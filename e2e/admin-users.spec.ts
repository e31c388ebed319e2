// User administration in the browser: an admin creates a manager on /admin/users, the manager signs
// in (no portfolio yet), and once the admin disables them their open page is signed out.
import { expect, test } from "./fixtures";
import { storageStatePath } from "./accounts";

const screen = (name: string) => `test-results/screens/admin-users-${name}.png`;

test.describe("user administration", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("an admin creates a manager who signs in, then disables them and their session ends", async ({ page, browser }) => {
    const email = `manager-${Date.now()}@example.com`;
    const password = "first-password-1";
    await page.goto("/admin/users");
    const form = page.getByRole("region", { name: "New user" });
    await form.getByLabel("Name").fill("Morgan Manager");
    await form.getByLabel("Email").fill(email);
    await form.getByLabel(/First password/).fill(password);
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(form.getByRole("status")).toContainText(`Created ${email}`);
    const row = page.getByTestId(`user-${email}`);
    await expect(row).toContainText("Manager");
    await expect(row).toContainText("active");
    await page.screenshot({ path: screen("created"), fullPage: true });

    const manager = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const managerPage = await manager.newPage();
    await managerPage.goto("/sign-in");
    await managerPage.getByLabel("Email").fill(email);
    await managerPage.getByLabel("Password").fill(password);
    await managerPage.getByRole("button", { name: "Sign in" }).click();
    await expect(managerPage.getByTestId("signed-in-as")).toContainText("Morgan Manager · Manager");

    await row.getByRole("button", { name: `Disable ${email}` }).click();
    await expect(row).toContainText("disabled");
    await managerPage.goto("/portfolios");
    await expect(managerPage).toHaveURL(/\/sign-in\?next=%2Fportfolios$/);
    await manager.close();
  });
});
