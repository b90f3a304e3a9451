import { describe, expect, it } from "vitest";
import { ErrorMessage } from "@/components/error-message";
import { ErrorSummary } from "@/components/error-summary";
import { allTags, attribute, render, stripTags } from "./markup";

describe("ErrorSummary", () => {
  const html = render(
    <ErrorSummary
      errors={[
        { fieldId: "email", text: "Enter an email address" },
        { fieldId: "date-of-birth-day", text: "Enter the child's date of birth" },
      ]}
    />,
  );

  it("says there is a problem in a heading", () => {
    expect(html).toMatch(/<h2[^>]*>There is a problem<\/h2>/);
  });

  it("links each message to the field that needs fixing", () => {
    const links = allTags(html, "a").map((tag) => attribute(tag, "href"));
    expect(links).toEqual(["#email", "#date-of-birth-day"]);
    expect(stripTags(html)).toContain("Enter the child's date of birth");
  });

  it("can take focus from script but is not an alert region", () => {
    expect(html).toMatch(/^<div tabindex="-1"/);
    expect(html).not.toContain('role="alert"');
  });

  it("renders nothing when there are no errors", () => {
    expect(render(<ErrorSummary errors={[]} />)).toBe("");
  });
});

describe("ErrorMessage", () => {
  it("prefixes the message with hidden text for screen readers", () => {
    const html = render(<ErrorMessage id="name-error">Enter your name</ErrorMessage>);
    expect(html).toMatch(/^<p id="name-error"[^>]*><span class="sr-only">Error: <\/span>Enter your name<\/p>$/);
  });
});
