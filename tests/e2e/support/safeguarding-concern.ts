/** Sending a Safeguarding Concern as a referrer would, through every page of the form (used by more than one spec). */
import { expect, type Page } from "@playwright/test";

const heading = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name });
const next = (page: Page) => page.getByRole("button", { name: "Next", exact: true }).click();

/** A Safeguarding Concern about one child, from its start to Supporting Documentation (the referrer signed in). */
export async function fillSafeguardingConcern(page: Page, child: [string, string]): Promise<void> {
  await page.goto("/forms/safeguarding-concern");
  await page.getByLabel("First name").fill(child[0]);
  await page.getByLabel("Last name").fill(child[1]);
  await page.getByRole("button", { name: "Confirm", exact: true }).click();
  await expect(heading(page, "Overview")).toBeVisible();
  await next(page);
  await page.getByLabel("Your full name").fill("Robin Tester");
  await page.getByLabel("Your job title or role").fill("Teacher");
  await page.getByLabel("Your organisation").fill("Demo Primary School");
  await page.getByLabel("Your work email address").fill("robin@demo-school.example");
  await page.getByLabel("Your telephone number").fill("01384 812 345");
  await next(page);
  await expect(heading(page, "Child / Young Person's Details")).toBeVisible();
  await page.getByRole("group", { name: "Date of birth" }).first().getByLabel("Day").fill("1");
  await page.getByRole("group", { name: "Date of birth" }).first().getByLabel("Month").fill("2");
  await page.getByRole("group", { name: "Date of birth" }).first().getByLabel("Year").fill("2018");
  await page.getByLabel("Postcode of the child's home").fill("DY1 1AA");
  await next(page);
  await expect(heading(page, "Consent")).toBeVisible();
  await page.getByLabel("Yes").check();
  await next(page);
  await expect(heading(page, "Additional Child / Young Person's Information")).toBeVisible();
  await page.getByLabel("Neglect").check();
  await page.getByLabel("Describe your concerns").fill("Often arrives hungry.");
  await page.getByRole("group", { name: "Is the child or young person at risk of significant harm today?" }).getByLabel("No").check();
  await next(page);
  await expect(heading(page, "Contact Information")).toBeVisible();
  await page.getByRole("group", { name: "Is it safe to contact the family?" }).getByLabel("Yes").check();
  await next(page);
  await expect(heading(page, "Supporting Documentation")).toBeVisible();
}

/** A Safeguarding Concern about one child, from start to Thank You; returns its reference. */
export async function sendSafeguardingConcern(page: Page, child: [string, string]): Promise<string> {
  await fillSafeguardingConcern(page, child);
  await page.getByRole("button", { name: "Check your answers", exact: true }).click();
  return sendFromCheckAnswers(page);
}

export async function sendFromCheckAnswers(page: Page): Promise<string> {
  await expect(heading(page, "Check your answers")).toBeVisible();
  await page.getByRole("link", { name: "Continue" }).click();
  await expect(heading(page, "Declaration & Submit")).toBeVisible();
  const declaration = page.getByLabel(/The information I have given is true/);
  if (!(await declaration.isChecked())) await declaration.check();
  await page.getByRole("button", { name: "Send to Local Authority" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Submit" }).click();
  await expect(heading(page, "Thank you: your form has been sent")).toBeVisible();
  return (await page.locator("strong").filter({ hasText: /^CP-/ }).textContent())!.trim();
}
