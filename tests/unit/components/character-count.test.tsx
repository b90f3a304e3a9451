/**
 * GOV.UK character count: without JavaScript a limit hint tied to the box, no maxlength to cut
 * pasted text; the counting messages the script shows and reads out.
 */
import { describe, expect, it } from "vitest";
import { countMessage, limitMessage } from "@/components/character-count";
import { Textarea } from "@/components/textarea";
import { attribute, describedBy, render, tagWithId, textOfId } from "./markup";

describe("a textarea with a character limit, as the server sends it", () => {
  const html = render(<Textarea id="concerns" name="concerns" label="Describe your concerns" hint="Include dates." error="Describe your concerns must be 5000 characters or less" maxLength={5000} />);

  it("says the limit in a hint the box is described by", () => {
    expect(textOfId(html, "concerns-info")).toBe("You can enter up to 5,000 characters");
    expect(describedBy(html, "concerns")).toEqual(["concerns-hint", "concerns-error", "concerns-info"]);
  });

  it("does not cut pasted text short", () => {
    expect(attribute(tagWithId(html, "concerns"), "maxlength")).toBeUndefined();
  });

  it("keeps the server's refusal beside the field", () => {
    expect(textOfId(html, "concerns-error")).toContain("must be 5000 characters or less");
  });

  it("has no count where there is no limit", () => {
    expect(render(<Textarea id="note" name="note" label="Note" />)).not.toContain("You can enter up to");
  });
});

describe("the count", () => {
  it("says how many characters are left, or how many too many", () => {
    expect(countMessage(5000, 0)).toBe("You have 5,000 characters remaining");
    expect(countMessage(10, 9)).toBe("You have 1 character remaining");
    expect(countMessage(10, 10)).toBe("You have 0 characters remaining");
    expect(countMessage(10, 11)).toBe("You have 1 character too many");
    expect(countMessage(5000, 5020)).toBe("You have 20 characters too many");
    expect(limitMessage(1)).toBe("You can enter up to 1 character");
  });
});
