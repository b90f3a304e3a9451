import { describe, expect, it } from "vitest";
import { Checkboxes } from "@/components/checkboxes";
import { Radios } from "@/components/radios";
import { allTags, attribute, labelText, render, tagWithId, textOfId } from "./markup";

const items = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No", hint: "We will not contact the family" },
  { divider: "or" },
  { value: "unsure", label: "I do not know" },
];

describe("Radios", () => {
  const html = render(
    <Radios name="consent" legend="Does the family know about this referral?" hint="Select one option" error="Select whether the family knows" items={items} defaultValue="no" />,
  );

  it("groups the options under the question as a legend, described by hint and error", () => {
    const fieldset = allTags(html, "fieldset")[0]!;
    expect(attribute(fieldset, "aria-describedby")).toBe("consent-hint consent-error");
    expect(html).toMatch(/<legend[^>]*>Does the family know about this referral\?<\/legend>/);
    expect(textOfId(html, "consent-error")).toBe("Error: Select whether the family knows");
  });

  it("gives the first option the group's id, so the error summary can link to it", () => {
    expect(attribute(tagWithId(html, "consent"), "value")).toBe("yes");
    expect(attribute(tagWithId(html, "consent-2"), "value")).toBe("no");
    expect(attribute(tagWithId(html, "consent-3"), "value")).toBe("unsure");
  });

  it("labels every option and links an option's own hint", () => {
    expect(labelText(html, "consent")).toBe("Yes");
    expect(labelText(html, "consent-2")).toBe("No");
    expect(attribute(tagWithId(html, "consent-2"), "aria-describedby")).toBe("consent-2-item-hint");
    expect(textOfId(html, "consent-2-item-hint")).toBe("We will not contact the family");
  });

  it("keeps the saved answer selected, and only that one", () => {
    const inputs = allTags(html, "input");
    expect(inputs).toHaveLength(3);
    expect(inputs.every((input) => attribute(input, "type") === "radio" && attribute(input, "name") === "consent")).toBe(true);
    expect(inputs.filter((input) => input.includes('checked=""')).map((input) => attribute(input, "value"))).toEqual(["no"]);
  });

  it("shows the divider word between options", () => {
    expect(html).toMatch(/>or<\/div>/);
  });

  it("puts a conditional question next to its option, where CSS can reveal it", () => {
    const withConditional = render(
      <Radios
        name="contact"
        legend="How should we contact you?"
        items={[{ value: "phone", label: "Phone", conditional: <p>Phone number question</p> }, { value: "post", label: "Post" }]}
      />,
    );
    expect(tagWithId(withConditional, "conditional-contact")).toContain("peer-checked:block");
    expect(withConditional.indexOf('id="contact"')).toBeLessThan(withConditional.indexOf('id="conditional-contact"'));
  });
});

describe("Checkboxes", () => {
  it("keeps every ticked answer and posts each under the same name", () => {
    const html = render(
      <Checkboxes
        name="support"
        idPrefix="support-needed"
        legend="What support is needed?"
        items={[
          { value: "early-help", label: "Early Help" },
          { value: "send", label: "SEND" },
          { value: "social-care", label: "Social Care" },
        ]}
        defaultValues={["early-help", "social-care"]}
      />,
    );
    const inputs = allTags(html, "input");
    expect(inputs.every((input) => attribute(input, "type") === "checkbox" && attribute(input, "name") === "support")).toBe(true);
    expect(inputs.filter((input) => input.includes('checked=""')).map((input) => attribute(input, "value"))).toEqual([
      "early-help",
      "social-care",
    ]);
    expect(labelText(html, "support-needed")).toBe("Early Help");
    expect(labelText(html, "support-needed-3")).toBe("Social Care");
    expect(attribute(allTags(html, "fieldset")[0]!, "aria-describedby")).toBeUndefined();
  });

  it("can make the legend the page heading", () => {
    const html = render(<Checkboxes name="agree" legend="Terms and conditions" legendIsPageHeading items={[{ value: "yes", label: "I agree to these Terms and Conditions" }]} />);
    expect(html).toMatch(/<legend[^>]*><h1[^>]*>Terms and conditions<\/h1><\/legend>/);
  });
});
