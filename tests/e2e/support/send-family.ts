/**
 * A SEND case with family members given access, through the pages as the caseworker and each
 * parent would use them: the caseworker creates the case and invites an address, verifies the
 * identity code the parent quotes, the parent registers from the link and accepts, and the
 * caseworker activates their access.
 */
import { expect, type Browser, type Page } from "@playwright/test";
import { mailSeenSoFar, nextEmailTo } from "./mailbox";
import { fillDateGroup } from "./project-page";
import { registerNewAccount } from "./register";

const heading = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name });

/** Creates a case for the child (born 14 May 2015, request received 30 Jan 2023) and returns the case page's address. */
export async function createSendCase(
  staff: Page,
  child: { forename: string; surname: string },
  requestor: { email: string; name?: string; relationship?: string },
): Promise<string> {
  await staff.goto("/staff/send/new");
  await expect(heading(staff, "Create an EHCP case")).toBeVisible();
  await staff.getByLabel("Child's first name").fill(child.forename);
  await staff.getByLabel("Child's last name").fill(child.surname);
  await fillDateGroup(staff, /date of birth/i, "14", "5", "2015");
  await fillDateGroup(staff, /request was received/i, "30", "1", "2023");
  await staff.getByLabel("Requestor's name").fill(requestor.name ?? "Test Parent");
  await staff.getByLabel(/relationship/i).fill(requestor.relationship ?? "Mother");
  await staff.getByLabel("Requestor's email").fill(requestor.email);
  await staff.getByRole("button", { name: "Create case" }).click();
  await expect(heading(staff, `${child.forename} ${child.surname}`)).toBeVisible();
  return staff.url();
}

/**
 * Invites `email` to the case open on `staff`, and takes the parent on `page` (signed out) from
 * the emails to active access, registering them as `name`. Leaves `page` signed in as them.
 */
export async function giveFamilyAccess(staff: Page, page: Page, browser: Browser, person: { email: string; forename: string; surname: string; childName: string }): Promise<void> {
  const caseUrl = staff.url();
  const seen = await mailSeenSoFar(browser, person.email);
  await staff.getByLabel("Email address to invite (optional)").fill(person.email);
  await staff.getByRole("button", { name: "Invite family" }).click();
  const codeEmail = await nextEmailTo(browser, person.email, seen, "Your SEND Parent Portal identity code");
  const code = codeEmail.text.match(/\b([A-Z0-9]{4}-[A-Z0-9]{4})\b/)?.[1];
  expect(code, "an identity code in the email").toBeTruthy();
  const invitation = staff.getByRole("listitem").filter({ has: staff.getByRole("heading", { name: `Invitation to ${person.email}` }) });
  await invitation.getByLabel("Identity code the parent quoted").fill(code!);
  await invitation.getByRole("button", { name: "Verify identity" }).click();
  const inviteEmail = await nextEmailTo(browser, person.email, seen, "Accept Portal Invitation");
  const link = new URL(inviteEmail.text.match(/https?:\/\/\S+\/send\/invitations\/accept\?token=[\w-]+/)![0]);

  await page.goto(link.pathname + link.search);
  await page.getByRole("link", { name: "Register for a new account" }).click();
  await registerNewAccount(page, browser, "parent", { isOnRegisterPage: true, email: person.email, forename: person.forename, surname: person.surname });
  await expect(heading(page, "Invitations awaiting approval")).toBeVisible();
  await page.getByLabel(person.childName).check();
  await page.getByRole("group", { name: "Do you wish to continue with setting up your account?" }).getByLabel("Yes").check();
  await page.getByRole("button", { name: "Confirm" }).click();
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByText("Your request is with the SEND team")).toBeVisible();

  await staff.goto(caseUrl);
  const access = staff.getByRole("table", { name: /People who accepted an invitation/ }).getByRole("row").filter({ hasText: person.email });
  await access.getByRole("button", { name: "Activate access" }).click();
  await expect(access.getByRole("button", { name: "Revoke access" })).toBeVisible();
}
