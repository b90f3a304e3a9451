import { describe, expect, it, vi } from "vitest";
import type PgBoss from "pg-boss";
import type { DbOrTx } from "@/db/client";
import { renderEmail } from "@/emails/render-email";
import {
  MORE_INFORMATION_REQUESTED_SUBJECT,
  MoreInformationRequested,
  queueMoreInformationRequested,
  queueResponsePosted,
  RESPONSE_POSTED_SUBJECT,
  ResponsePosted,
  type MoreInformationRequestedProps,
  type ResponsePostedProps,
} from "@/emails/referral-emails";

const common = {
  councilName: "Demo Borough Council",
  forename: "Riley",
  formTitle: "Child/Young Person Safeguarding Concern",
  reference: "CP-ABCD-EFGH",
  link: "https://portal.example.gov.uk/submitted",
};

// What a careless caller might spread in from a ReferralChange: none of it may reach the email.
const secrets = {
  comments: "Please say more about Demo Child Ava's bruising",
  response: "We have allocated a social worker to Demo Child Ava",
  childName: "Ava Demo-Child",
};

// The markup as a reader sees it: React's text separators gone, entities decoded.
const decode = (html: string) => html.replace(/<!-- -->/g, "").replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, "&");

describe("the referral emails", () => {
  it("'sent back for more information' names the form, its reference and the reason, and links to Submitted Forms", async () => {
    const { html, text } = await renderEmail(MoreInformationRequested({ ...common, reasonLabel: "Insufficient Detail" }));
    for (const body of [decode(html), text]) {
      // The plain text shows the heading in capitals.
      expect(body.toLowerCase()).toContain(MORE_INFORMATION_REQUESTED_SUBJECT.toLowerCase());
      expect(body).toContain("Dear Riley,");
      expect(body).toContain('"Child/Young Person Safeguarding Concern" (reference CP-ABCD-EFGH)');
      expect(body).toContain("Reason: Insufficient Detail");
      expect(body).toContain("Submitted Forms");
    }
    expect(html).toContain('href="https://portal.example.gov.uk/submitted"');
    expect(text).toContain("https://portal.example.gov.uk/submitted");
  });

  it("leaves the reason out when there is none", async () => {
    const { text } = await renderEmail(MoreInformationRequested({ ...common, reasonLabel: "" }));
    expect(text).not.toContain("Reason:");
    expect(text).toContain("CP-ABCD-EFGH");
  });

  it("'a response has been posted' names the form and its reference and links to Submitted Forms", async () => {
    const { html, text } = await renderEmail(ResponsePosted(common));
    for (const body of [decode(html), text]) {
      expect(body.toLowerCase()).toContain(RESPONSE_POSTED_SUBJECT.toLowerCase());
      expect(body).toContain("Demo Borough Council has posted a response");
      expect(body).toContain('"Child/Young Person Safeguarding Concern" (reference CP-ABCD-EFGH)');
    }
    expect(html).toContain('href="https://portal.example.gov.uk/submitted"');
  });

  it("never carries the caseworker's comments, the response or a child's name, even when a caller passes them", async () => {
    const asked = await renderEmail(MoreInformationRequested({ ...common, reasonLabel: "Other", ...secrets } as MoreInformationRequestedProps));
    const answered = await renderEmail(ResponsePosted({ ...common, ...secrets } as ResponsePostedProps));
    for (const { html, text } of [asked, answered]) {
      for (const secret of [...Object.values(secrets), "Demo Child", "bruising", "social worker"]) {
        expect(decode(html)).not.toContain(secret);
        expect(text).not.toContain(secret);
      }
    }
  });

  it("queues each with its subject and template through the caller's handle", async () => {
    const inserted: Record<string, unknown>[] = [];
    const db = {
      insert: () => ({
        values: (row: Record<string, unknown>) => {
          inserted.push(row);
          return { returning: async () => [{ id: `outbox-${inserted.length}` }] };
        },
      }),
    } as unknown as DbOrTx;
    const send = vi.fn(async () => "job-id");
    const sender = { send } as unknown as PgBoss;

    await queueMoreInformationRequested(db, sender, "referrer@demo-school.example", { ...common, reasonLabel: "Consent not evidenced" });
    await queueResponsePosted(db, sender, "referrer@demo-school.example", common);

    expect(inserted.map((row) => [row.toAddress, row.subject, row.template])).toEqual([
      ["referrer@demo-school.example", MORE_INFORMATION_REQUESTED_SUBJECT, "more-information-requested"],
      ["referrer@demo-school.example", RESPONSE_POSTED_SUBJECT, "response-posted"],
    ]);
    expect(String(inserted[0]!.text)).toContain("Reason: Consent not evidenced");
    expect(String(inserted[1]!.html)).toContain("CP-ABCD-EFGH");
    expect(send).toHaveBeenCalledTimes(2);
    expect(send.mock.calls.map((call) => (call as unknown[])[1])).toEqual([{ outboxId: "outbox-1" }, { outboxId: "outbox-2" }]);
  });
});
