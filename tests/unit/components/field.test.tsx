/**
 * The frame every question shares: label or legend, hint, error message, then the control, tied
 * together by ids so the error summary's links and aria-describedby agree with the markup.
 */
import { describe, expect, it } from "vitest";
import { Field } from "@/components/field";
import { allTags, attribute, describedBy, labelText, render, tagWithId, textOfId } from "./markup";

describe("a question answered in one control", () => {
  const html = render(
    <Field id="school" label="Name of the school" hint="As it appears on letters" error="Enter the name of the school">
      {({ aria }) => <input id="school" name="school" {...aria} />}
    </Field>,
  );

  it("labels the control and describes it by its hint and its error, in that order", () => {
    expect(labelText(html, "school")).toBe("Name of the school");
    expect(describedBy(html, "school")).toEqual(["school-hint", "school-error"]);
    expect(textOfId(html, "school-hint")).toBe("As it appears on letters");
    expect(textOfId(html, "school-error")).toBe("Error: Enter the name of the school");
    expect(attribute(tagWithId(html, "school"), "aria-invalid")).toBe("true");
  });

  it("puts the label, hint and error message before the control", () => {
    const order = ["<label", 'id="school-hint"', 'id="school-error"', "<input"].map((mark) => html.indexOf(mark));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("marks the question in error with the red bar, and only then", () => {
    expect(html).toMatch(/^<div class="[^"]*border-error/);
    const calm = render(<Field id="school" label="Name of the school">{({ aria }) => <input id="school" {...aria} />}</Field>);
    expect(calm).not.toContain("border-error");
  });

  it("renders no hint, error or aria-describedby when there are none", () => {
    const calm = render(<Field id="school" label="Name of the school">{({ aria, hasError }) => <input id="school" data-error={String(hasError)} {...aria} />}</Field>);
    const input = tagWithId(calm, "school");
    expect(attribute(input, "aria-describedby")).toBeUndefined();
    expect(attribute(input, "aria-invalid")).toBeUndefined();
    expect(attribute(input, "data-error")).toBe("false");
    expect(calm).not.toContain("school-hint");
    expect(calm).not.toContain("school-error");
  });

  it("makes the label the page heading when asked", () => {
    const heading = render(<Field id="code" label="Enter the code" labelIsPageHeading>{({ aria }) => <input id="code" {...aria} />}</Field>);
    expect(heading).toMatch(/<h1[^>]*><label[^>]*for="code"/);
  });
});

describe("a question answered in a group of controls", () => {
  const html = render(
    <Field id="contact" legend="How should we contact you?" legendSize="m" hint="Select one" error="Select how we should contact you">
      <input id="contact" name="contact" type="radio" value="email" />
    </Field>,
  );

  it("asks the question in a legend, and describes the fieldset (not the option) by hint and error", () => {
    expect(html).toMatch(/<legend[^>]*>How should we contact you\?<\/legend>/);
    expect(attribute(allTags(html, "fieldset")[0]!, "aria-describedby")).toBe("contact-hint contact-error");
    expect(attribute(tagWithId(html, "contact"), "aria-describedby")).toBeUndefined();
    expect(textOfId(html, "contact-error")).toBe("Error: Select how we should contact you");
  });

  it("makes the legend the page heading when asked", () => {
    const heading = render(<Field id="contact" legend="How should we contact you?" legendIsPageHeading>{() => null}</Field>);
    expect(heading).toMatch(/<legend[^>]*><h1[^>]*>How should we contact you\?<\/h1><\/legend>/);
  });
});
