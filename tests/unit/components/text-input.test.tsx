import { describe, expect, it } from "vitest";
import { Select } from "@/components/select";
import { TextInput } from "@/components/text-input";
import { Textarea } from "@/components/textarea";
import { attribute, describedBy, labelText, render, tagWithId, textOfId } from "./markup";

describe("TextInput", () => {
  it("labels the input and keeps what the user typed", () => {
    const html = render(<TextInput id="full-name" name="fullName" label="Full name" defaultValue="Sam O'Neil" />);
    expect(labelText(html, "full-name")).toBe("Full name");
    const input = tagWithId(html, "full-name");
    expect(attribute(input, "name")).toBe("fullName");
    expect(attribute(input, "value")).toBe("Sam O&#x27;Neil");
    expect(attribute(input, "aria-describedby")).toBeUndefined();
  });

  it("describes the input with its hint and its error, and says it is an error", () => {
    const html = render(
      <TextInput id="email" name="email" type="email" label="Email address" hint="We send your sign-in code here" error="Enter an email address" />,
    );
    expect(describedBy(html, "email")).toEqual(["email-hint", "email-error"]);
    expect(textOfId(html, "email-hint")).toBe("We send your sign-in code here");
    expect(textOfId(html, "email-error")).toBe("Error: Enter an email address");
    expect(attribute(tagWithId(html, "email"), "aria-invalid")).toBe("true");
    expect(attribute(tagWithId(html, "email"), "type")).toBe("email");
  });

  it("makes the label the page heading when asked", () => {
    const html = render(<TextInput id="code" name="code" label="Enter the code" labelIsPageHeading />);
    expect(html).toMatch(/<h1[^>]*><label[^>]*for="code"/);
  });
});

describe("Textarea", () => {
  it("labels the box, links its error and keeps the text", () => {
    const html = render(
      <Textarea id="concern" name="concern" label="What is your concern?" error="Enter your concern" defaultValue={"Line one\nLine two"} />,
    );
    expect(labelText(html, "concern")).toBe("What is your concern?");
    expect(describedBy(html, "concern")).toEqual(["concern-error"]);
    expect(html).toContain(">Line one\nLine two</textarea>");
  });
});

describe("Select", () => {
  it("labels the list and selects the saved option", () => {
    const html = render(
      <Select
        id="relationship"
        name="relationship"
        label="Relationship to the child"
        hint="Choose one"
        defaultValue="carer"
        options={[
          { value: "parent", text: "Parent" },
          { value: "carer", text: "Carer" },
        ]}
      />,
    );
    expect(labelText(html, "relationship")).toBe("Relationship to the child");
    expect(describedBy(html, "relationship")).toEqual(["relationship-hint"]);
    expect(html).toMatch(/<option value="carer" selected="">Carer<\/option>/);
    expect(html).not.toMatch(/<option value="parent" selected/);
  });
});
