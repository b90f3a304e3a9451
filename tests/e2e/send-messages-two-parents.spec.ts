/**
 * Each family member's messages are their own (issue 16, point 5), as people use it: separated
 * parents, Alex and Sam, each have access to one child's case. Alex writes to the SEND team; the
 * caseworker replies, the reply going to Alex unless they choose otherwise. Sam sees neither,
 * not in the lists, not in the dashboard's count, not by the message's address, not as a reply.
 * The caseworker then writes to everyone with access: Sam sees it and is emailed. Axe checks
 * every page each person's pages load (the fixture).
 */
import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { test } from "./fixtures";
import { mailSeenSoFar, nextEmailTo } from "./support/mailbox";
import { pageLikeProject } from "./support/project-page";
import { createSendCase, giveFamilyAccess } from "./support/send-family";
import { signIn } from "./support/sign-in";

const CASEWORKER = { email: "caseworker@demo-council.example", password: "Caseworker-demo-2026!" };
const WAITING = "You have a new secure message";

const heading = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name });
const rowWith = (page: Page, tableName: RegExp, text: string) => page.getByRole("table", { name: tableName }).getByRole("row").filter({ hasText: text });

/** Writes a General message on the form open on `page` and sends it with `button`. */
async function writeMessage(page: Page, subject: string | null, text: string, button: string) {
  await page.getByRole("combobox", { name: /^Message type/i }).selectOption({ label: "General" });
  if (subject !== null) await page.getByRole("textbox", { name: /^Subject/ }).fill(subject);
  await page.getByRole("textbox", { name: /^Message/ }).fill(text);
  await page.getByRole("button", { name: button, exact: true }).click();
  await expect(page.getByText("Your message has been sent")).toBeVisible();
}

test.describe("SEND secure messages with two parents", () => {
  test("a parent's messages and the caseworker's replies to them are not the other parent's; a message to everyone is", async ({ page, browser }) => {
    test.setTimeout(480_000);
    const run = randomUUID().slice(0, 6);
    const child = { forename: "Child", surname: `Duo${run}` };
    const childName = `${child.forename} ${child.surname}`;
    const alex = { email: `alex.${run}@example.org`, forename: "Alex", surname: "Ashdown", childName };
    const sam = { email: `sam.${run}@example.org`, forename: "Sam", surname: "Birch", childName };
    const question = `Pick-up arrangements ${run}`;
    const forEveryone = `Annual review meeting ${run}`;

    // The caseworker creates the case; each parent is invited, registers, accepts and is activated.
    const staff = await pageLikeProject(browser);
    await signIn(staff, browser, CASEWORKER);
    await createSendCase(staff, child, { email: alex.email });
    const samPage = await pageLikeProject(browser);
    await giveFamilyAccess(staff, page, browser, alex);
    await giveFamilyAccess(staff, samPage, browser, sam);

    // Alex writes to the SEND team.
    await page.goto("/");
    await page.getByRole("link", { name: `SEND Dashboard for ${childName}` }).click();
    await expect(heading(page, `SEND Dashboard - ${childName}`)).toBeVisible();
    const caseId = new URL(page.url()).pathname.split("/").at(-1)!;
    const messagesPath = `/send/${caseId}/messages`;
    await page.goto(`${messagesPath}/new`);
    await writeMessage(page, question, `Who collects on Fridays? ${run}`, "Send");
    await expect(rowWith(page, /Sent Items/, question)).toHaveCount(1);

    // The caseworker sees it from Alex; the reply goes to Alex unless changed.
    await staff.goto(`/staff/send/${caseId}/messages`);
    const staffRow = rowWith(staff, /Conversation/, question);
    await expect(staffRow).toContainText("Alex Ashdown");
    await staffRow.getByRole("link", { name: question }).click();
    await expect(heading(staff, question)).toBeVisible();
    const questionPath = new URL(staff.url()).pathname.replace("/staff", "");
    const recipients = staff.getByRole("group", { name: "Who is this message to?" });
    await expect(recipients.getByRole("radio", { name: "Alex Ashdown" })).toBeChecked();
    await expect(recipients.getByRole("radio", { name: "Sam Birch" })).not.toBeChecked();
    await expect(recipients.getByRole("radio", { name: "Everyone with access to this case" })).not.toBeChecked();
    const alexSeen = await mailSeenSoFar(browser, alex.email);
    const samSeen = await mailSeenSoFar(browser, sam.email);
    await writeMessage(staff, null, `Alex, Fridays are yours. ${run}`, "Send reply");
    const replyRow = rowWith(staff, /Conversation/, `Re: ${question}`);
    await expect(replyRow).toContainText("Alex Ashdown");
    const replyPath = (await replyRow.getByRole("link").getAttribute("href"))!.replace("/staff", "");
    await nextEmailTo(browser, alex.email, alexSeen, WAITING);

    // Alex reads the reply; Sam sees neither message anywhere, nor by its address, nor as a reply.
    await page.goto(messagesPath);
    await expect(rowWith(page, /Inbox/, `Re: ${question}`)).toContainText("You");
    await samPage.goto(`/send/${caseId}`);
    await expect(samPage.getByRole("region", { name: "Messages" })).toContainText("No New Messages (0)");
    await samPage.goto(messagesPath);
    await expect(heading(samPage, `${childName}'s Messages`)).toBeVisible();
    await expect(samPage.getByText(question)).toHaveCount(0);
    for (const path of [questionPath, replyPath]) {
      expect((await samPage.context().request.get(path, { maxRedirects: 0 })).status()).toBe(404);
      await samPage.goto(`${messagesPath}/new?replyTo=${path.split("/").at(-1)}`);
      await expect(samPage.getByRole("textbox", { name: /^Subject/ })).toHaveValue("");
    }

    // The caseworker writes to everyone with access: Sam sees it, and is emailed.
    await staff.goto(`/staff/send/${caseId}/messages`);
    await staff.getByRole("group", { name: "Who is this message to?" }).getByRole("radio", { name: "Everyone with access to this case" }).check();
    await writeMessage(staff, forEveryone, `The review is on 3 March. ${run}`, "Send message");
    await expect(rowWith(staff, /Conversation/, forEveryone)).toContainText("Everyone with access");
    const samEmail = await nextEmailTo(browser, sam.email, samSeen, WAITING);
    expect(samEmail.text).toContain(messagesPath);
    // That was Sam's only "message waiting" email: none came for the reply to Alex.
    expect((await mailSeenSoFar(browser, sam.email)).size).toBe(samSeen.size);
    await samPage.goto(messagesPath);
    const samRow = rowWith(samPage, /Inbox/, forEveryone);
    await expect(samRow).toContainText("New");
    await expect(samRow).toContainText("Everyone with access");
    await expect(samPage.getByText(question)).toHaveCount(0);
    await page.goto(messagesPath);
    await expect(rowWith(page, /Inbox/, forEveryone)).toHaveCount(1);
    await staff.context().close();
    await samPage.context().close();
  });
});
