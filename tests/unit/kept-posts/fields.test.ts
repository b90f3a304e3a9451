import { describe, expect, it } from "vitest";
import { keptFieldsOf, postedFieldsOf, valuesOf } from "@/lib/kept-posts/fields";
import { allValues, formFields } from "@/lib/posted-fields";

describe("the fields a kept post holds", () => {
  it("are the text fields posted, repeated names in order, without Next's own fields, passwords or files", () => {
    const posted = new FormData();
    posted.append("$ACTION_REF_1", "");
    posted.append("$ACTION_1:0", '{"id":"abc"}');
    posted.append("draftId", "d-1");
    posted.append("concern", "first");
    posted.append("concern", "second");
    posted.append("password", "Secret-1234567");
    posted.append("confirmPassword", "Secret-1234567");
    posted.append("upload", new File(["%PDF-1.4"], "report.pdf", { type: "application/pdf" }));
    expect(keptFieldsOf(formFields(posted))).toEqual([
      ["draftId", "d-1"],
      ["concern", "first"],
      ["concern", "second"],
    ]);
  });

  it("become a post again, and a form's values (the first of each name)", () => {
    const fields: [string, string][] = [
      ["subject", "Hello"],
      ["concern", "first"],
      ["concern", "second"],
    ];
    expect(allValues(postedFieldsOf(fields), "concern")).toEqual(["first", "second"]);
    expect(allValues(postedFieldsOf(fields), "subject")).toEqual(["Hello"]);
    expect(valuesOf(fields)).toEqual({ subject: "Hello", concern: "first" });
  });
});
