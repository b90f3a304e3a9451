import { describe, expect, it } from "vitest";
import { DateInput } from "@/components/date-input";
import { allTags, attribute, labelText, render, tagWithId } from "./markup";

describe("DateInput", () => {
  const html = render(
    <DateInput
      namePrefix="dateOfBirth"
      idPrefix="date-of-birth"
      legend="What is the child's date of birth?"
      hint="For example, 27 3 2015"
      error="Date of birth must include a year"
      errorParts={["year"]}
      defaultValue={{ day: "27", month: "3" }}
    />,
  );

  it("posts day, month and year under the name prefix, each with its own label", () => {
    for (const [part, label] of [["day", "Day"], ["month", "Month"], ["year", "Year"]] as const) {
      const input = tagWithId(html, `date-of-birth-${part}`);
      expect(attribute(input, "name")).toBe(`dateOfBirth-${part}`);
      expect(attribute(input, "inputmode")).toBe("numeric");
      expect(labelText(html, `date-of-birth-${part}`)).toBe(label);
    }
  });

  it("keeps what was typed", () => {
    expect(attribute(tagWithId(html, "date-of-birth-day"), "value")).toBe("27");
    expect(attribute(tagWithId(html, "date-of-birth-month"), "value")).toBe("3");
    expect(attribute(tagWithId(html, "date-of-birth-year"), "value")).toBeUndefined();
  });

  it("describes the group with its hint and error, and marks only the wrong part invalid", () => {
    expect(attribute(allTags(html, "fieldset")[0]!, "aria-describedby")).toBe("date-of-birth-hint date-of-birth-error");
    expect(attribute(tagWithId(html, "date-of-birth-year"), "aria-invalid")).toBe("true");
    expect(attribute(tagWithId(html, "date-of-birth-day"), "aria-invalid")).toBeUndefined();
  });

  it("offers the browser's birthday autofill only for the user's own birthday", () => {
    expect(attribute(tagWithId(html, "date-of-birth-day"), "autocomplete")).toBeUndefined();
    const own = render(<DateInput namePrefix="dob" legend="Your date of birth" isOwnBirthday />);
    expect(attribute(tagWithId(own, "dob-day"), "autocomplete")).toBe("bday-day");
  });
});
