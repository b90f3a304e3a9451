/**
 * What the page says when JavaScript's upload is refused without a page coming back
 * (app/(portal)/drafts/_engine/upload-failure.ts), naming the file as the route's own messages do.
 */
import { describe, expect, it } from "vitest";
import { uploadFailureMessage } from "@/app/(portal)/drafts/_engine/upload-failure";

describe("an upload refused without a page back", () => {
  it.each([
    [0, "report.pdf could not be uploaded. Check your connection and try again"],
    [400, "report.pdf could not be uploaded. Try again"],
    [403, "report.pdf could not be uploaded. Reload the page and try again"],
    [404, "report.pdf could not be uploaded because this form is no longer available. It may have been sent or cancelled in another tab or window"],
    [500, "report.pdf could not be uploaded. Try again later"],
    [429, "report.pdf could not be uploaded. Try again later"],
  ])("answered %i says: %s", (status, message) => {
    expect(uploadFailureMessage(status, ["report.pdf"])).toBe(message);
  });

  it("leaves a 413 to the route's own notice, which says how much room is left", () => {
    expect(uploadFailureMessage(413, ["report.pdf"])).toBeNull();
  });

  it("speaks of the selected files when there are several, or none named", () => {
    expect(uploadFailureMessage(500, ["a.pdf", "b.pdf"])).toBe("The selected files could not be uploaded. Try again later");
    expect(uploadFailureMessage(500, [])).toBe("The selected file could not be uploaded. Try again later");
  });
});
