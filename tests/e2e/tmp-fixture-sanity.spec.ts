// TEMPORARY (deleted after use): the fixture's 320 px copy must flag a page that is too wide.
import { test } from "./fixtures";

test("a page with a 600 px box is flagged", async ({ page }) => {
  await page.route("**/account/sign-in", async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace("<main", '<div style="width:600px;height:10px">wide</div><main');
    await route.fulfill({ response, body: html });
  });
  await page.goto("/account/sign-in");
});
