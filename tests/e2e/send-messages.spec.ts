/**
 * SEND secure messages (issue 9), as people use them, on the demo data: Pat Parent (active
 * access to Ella Demo-Child) opens the SEND Dashboard, goes to Ella's Messages, gets the form's
 * messages when sending nothing, then sends a General message and sees it in Sent Items. The
 * SEND caseworker is emailed (without the subject or text), finds the case under "Cases with
 * unread messages", reads the message (shown as typed, markup and all) and replies. The parent
 * sees the reply marked New in the Inbox, opens it and replies. Subjects are unique per run, as
 * the demo data is shared between runs. Tagged @core: it also runs with JavaScript off and at
 * 320 px wide. Axe checks every page the parent's page loads; the caseworker's after each step.
 */
import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { expectAccessible, test } from "./fixtures";
import { mailSeenSoFar, nextEmailTo } from "./support/mailbox";
import { signIn } from "./support/sign-in";
import { pageLikeProject } from "./support/project-page";

const PARENT = { email: "parent@demo-family.example", password: "Parent-demo-2026!" };
const SEND_CASEWORKER = { email: "send-caseworker@demo-council.example", password: "Send-caseworker-demo-2026!" };
const CHILD = "Ella Demo-Child";
const WAITING = "You have a new secure message";

const heading = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name });
const table = (page: Page, name: RegExp) => page.getByRole("table", { name });
const rowWith = (page: Page, tableName: RegExp, text: string) => table(page, tableName).getByRole("row").filter({ hasText: text });

test.describe("SEND secure messages @core", () => {
  test("a parent writes to the SEND team, the caseworker replies, and the parent reads the reply and answers it", async ({ page, browser }) => {
    test.setTimeout(240_000);
    const isJavaScriptOn = test.info().project.use.javaScriptEnabled !== false;
    const run = randomUUID();
    const subject = `School transport ${run}`;
    const text = `Could we talk about <b>the bus</b> to school?\nThank you. ${run}`;
    const replyText = `Yes, I will call you on Monday. ${run}`;
    const answerText = `Monday is fine. ${run}`;
    const caseworkerSeen = await mailSeenSoFar(browser, SEND_CASEWORKER.email);
    const parentSeen = await mailSeenSoFar(browser, PARENT.email);

    // The parent opens Ella's SEND Dashboard, then her Messages.
    await signIn(page, browser, PARENT);
    await page.goto("/");
    await page.getByRole("link", { name: `SEND Dashboard for ${CHILD}` }).click();
    await expect(heading(page, `SEND Dashboard - ${CHILD}`)).toBeVisible();
    const caseId = new URL(page.url()).pathname.split("/").at(-1)!;
    const messagesPath = `/send/${caseId}/messages`;
    await page.goto(messagesPath);
    await expect(heading(page, `${CHILD}'s Messages`)).toBeVisible();
    await expect(table(page, /Ella Demo-Child's Inbox/)).toBeVisible();
    await expect(table(page, /Ella Demo-Child's Sent Items/)).toBeVisible();
    await expect(page.getByRole("link", { name: "Refresh" })).toHaveAttribute("href", messagesPath);
    await expect(page.getByRole("link", { name: "Back to Dashboard" })).toBeVisible();

    // "New Message": sending with only a subject says what to fix and keeps what was typed.
    await page.getByRole("link", { name: "New Message" }).click();
    await expect(heading(page, "Secure Message")).toBeVisible();
    const type = page.getByRole("combobox", { name: /^Message Type/ });
    const subjectBox = page.getByRole("textbox", { name: /^Subject/ });
    const messageBox = page.getByRole("textbox", { name: /^Message/ });
    await subjectBox.fill(subject);
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Select a message type" })).toHaveAttribute("href", "#message-type");
    await expect(page.getByRole("link", { name: "Enter your message" })).toHaveAttribute("href", "#message-body");
    await expect(subjectBox).toHaveValue(subject);

    // Sends a General message: back to Messages with the banner, and it is in Sent Items.
    await type.selectOption({ label: "General" });
    await messageBox.fill(text);
    await page.getByRole("button", { name: "Send" }).click();
    await expect(heading(page, `${CHILD}'s Messages`)).toBeVisible();
    await expect(page.getByText("Your message has been sent")).toBeVisible();
    const sentRow = rowWith(page, /Sent Items/, subject);
    await expect(sentRow).toHaveCount(1);
    await expect(sentRow).toContainText("General");
    await expect(sentRow).toContainText("SEND team");
    await expect(rowWith(page, /Inbox/, subject)).toHaveCount(0);

    // The caseworker is emailed that a message is waiting: never its subject or text.
    const caseworkerEmail = await nextEmailTo(browser, SEND_CASEWORKER.email, caseworkerSeen, WAITING);
    expect(caseworkerEmail.text).toContain(`/staff/send/${caseId}/messages`);
    expect(caseworkerEmail.text).not.toContain(run);
    expect(caseworkerEmail.text).not.toContain(CHILD);

    // The caseworker finds the case under "Cases with unread messages" and opens the message.
    const staff = await pageLikeProject(browser);
    await signIn(staff, browser, SEND_CASEWORKER);
    await staff.goto("/staff/send/messages");
    await expect(heading(staff, "Secure messages")).toBeVisible();
    await expectAccessible(staff, isJavaScriptOn);
    await rowWith(staff, /Cases with unread messages/, CHILD).getByRole("link").click();
    await expect(heading(staff, new RegExp(`^Messages – ${CHILD} \\(EHC-\\d+\\)$`))).toBeVisible();
    await expectAccessible(staff, isJavaScriptOn);
    const staffRow = rowWith(staff, /Conversation/, subject);
    await expect(staffRow).toContainText("Unread");
    await expect(staffRow).toContainText("Pat Parent");
    await staffRow.getByRole("link", { name: subject }).click();
    await expect(heading(staff, subject)).toBeVisible();
    // The text is shown as typed: the markup is text, not bold.
    await expect(staff.getByText("Could we talk about <b>the bus</b> to school?")).toBeVisible();
    await expect(staff.locator("b", { hasText: "the bus" })).toHaveCount(0);
    await expectAccessible(staff, isJavaScriptOn);

    // Replies: "Re: <subject>" and the same type are filled in.
    await expect(staff.getByRole("textbox", { name: "Subject" })).toHaveValue(`Re: ${subject}`);
    await expect(staff.getByRole("combobox", { name: "Message type" })).toHaveValue("general");
    await staff.getByRole("textbox", { name: "Message" }).fill(replyText);
    await staff.getByRole("button", { name: "Send reply" }).click();
    await expect(staff.getByText("Your message has been sent")).toBeVisible();
    await expect(rowWith(staff, /Conversation/, `Re: ${subject}`)).toContainText("Not yet read by family");
    // The family's message now shows as read by the team.
    const original = rowWith(staff, /Conversation/, subject).filter({ hasNotText: "Re:" });
    await expect(original).toContainText("Read");
    await expect(original).not.toContainText("Unread");
    await expectAccessible(staff, isJavaScriptOn);
    // The caseworker has no family access: the parent's pages are not there for them.
    const familyPage = await staff.context().request.get(messagesPath, { maxRedirects: 0 });
    expect(familyPage.status()).toBe(404);
    await staff.context().close();

    const parentEmail = await nextEmailTo(browser, PARENT.email, parentSeen, WAITING);
    expect(parentEmail.text).toContain(messagesPath);
    expect(parentEmail.text).not.toContain(run);

    // The parent's Inbox shows the reply as New; opening it shows the text and marks it read.
    await page.goto(messagesPath);
    const inboxRow = rowWith(page, /Inbox/, `Re: ${subject}`);
    await expect(inboxRow).toContainText("New");
    await expect(inboxRow).toContainText("Sam Send");
    await expect(inboxRow).toContainText("You");
    await inboxRow.getByRole("link", { name: `Re: ${subject}` }).click();
    await expect(heading(page, `Re: ${subject}`)).toBeVisible();
    await expect(page.getByText(replyText)).toBeVisible();
    await expect(page.getByRole("link", { name: "Back to Dashboard" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Back to messages" })).toBeVisible();

    // Replies to the reply.
    await page.getByRole("link", { name: "Reply", exact: true }).click();
    await expect(heading(page, "Secure Message")).toBeVisible();
    await expect(page.getByRole("textbox", { name: /^Subject/ })).toHaveValue(`Re: ${subject}`);
    await expect(page.getByRole("combobox", { name: /^Message Type/ })).toHaveValue("general");
    await page.getByRole("textbox", { name: /^Message/ }).fill(answerText);
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByText("Your message has been sent")).toBeVisible();
    await expect(rowWith(page, /Sent Items/, `Re: ${subject}`)).toHaveCount(1);
    // The reply from the team is no longer New.
    await expect(rowWith(page, /Inbox/, `Re: ${subject}`)).not.toContainText("New");
  });
});
