import { describe, expect, it } from "vitest";
import { Button } from "@/components/button";
import { Details } from "@/components/details";
import { NotificationBanner } from "@/components/notification-banner";
import { SkipLink } from "@/components/skip-link";
import { SummaryList } from "@/components/summary-list";
import { Table } from "@/components/table";
import { Tag } from "@/components/tag";
import { allTags, attribute, render, stripTags, textOfId } from "./markup";

describe("Button", () => {
  it("is a submit button by default, carrying its name and value", () => {
    const html = render(<Button name="intent" value="save">Save for later</Button>);
    const button = allTags(html, "button")[0]!;
    expect(attribute(button, "type")).toBe("submit");
    expect(attribute(button, "name")).toBe("intent");
    expect(attribute(button, "value")).toBe("save");
    expect(stripTags(html)).toBe("Save for later");
  });

  it("renders a link, not a button, when it goes somewhere", () => {
    const html = render(<Button href="/recover" variant="secondary">Recover a form</Button>);
    expect(html).toMatch(/^<a [^>]*href="\/recover"/);
    expect(html).not.toContain("<button");
    expect(html).not.toContain('role="button"');
  });

  it("hides the start button's arrow from screen readers", () => {
    const html = render(<Button href="/forms" isStartButton>Start now</Button>);
    expect(allTags(html, "svg")[0]).toContain('aria-hidden="true"');
    expect(stripTags(html)).toBe("Start now");
  });
});

describe("NotificationBanner", () => {
  it("labels an information banner as a region by its title", () => {
    const html = render(<NotificationBanner heading="Your form has been saved" />);
    const banner = allTags(html, "div")[0]!;
    expect(attribute(banner, "role")).toBe("region");
    expect(textOfId(html, attribute(banner, "aria-labelledby")!)).toBe("Important");
  });

  it("announces a success banner as an alert", () => {
    const html = render(<NotificationBanner type="success" heading="Form sent" />);
    expect(attribute(allTags(html, "div")[0]!, "role")).toBe("alert");
    expect(stripTags(html)).toBe("SuccessForm sent");
  });
});

describe("SummaryList", () => {
  it("pairs each question with its answer, and names what a Change link changes", () => {
    const html = render(
      <SummaryList
        rows={[
          { key: "Name", value: "Sam Smith", actions: [{ href: "/forms/1/child#name", text: "Change", visuallyHiddenText: "name" }] },
          { key: "Date of birth", value: "27 March 2015" },
        ]}
      />,
    );
    expect(html).toMatch(/<dt[^>]*>Name<\/dt><dd[^>]*>Sam Smith<\/dd>/);
    expect(html).toMatch(/<a href="\/forms\/1\/child#name">Change<span class="sr-only"> name<\/span><\/a>/);
    expect(allTags(html, "dt")).toHaveLength(2);
  });
});

describe("Table", () => {
  it("has a caption and scoped column and row headers", () => {
    const html = render(
      <Table
        caption="Submitted Forms"
        head={[{ text: "Reference" }, { text: "Status" }, { text: "Days left", isNumeric: true }]}
        rows={[["CP-1", "Submitted", 12]]}
        firstCellIsHeader
      />,
    );
    expect(html).toMatch(/<caption[^>]*>Submitted Forms<\/caption>/);
    expect(allTags(html, "th").map((th) => attribute(th, "scope"))).toEqual(["col", "col", "col", "row"]);
    expect(html).toMatch(/<th role="rowheader" scope="row"[^>]*><span aria-hidden="true"[^>]*>Reference<\/span>CP-1<\/th>/);
  });

  it("labels every cell with its column's header for phones, hidden from screen readers, which read the table", () => {
    const html = render(<Table caption="Saved forms" head={[{ text: "Start Date" }, { text: "Days Left", isNumeric: true }]} rows={[["5 Sep 2023", "12"]]} />);
    const cells = html.match(/<td[^>]*>[\s\S]*?<\/td>/g) ?? [];
    expect(cells.map(stripTags)).toEqual(["Start Date5 Sep 2023", "Days Left12"]);
    for (const cell of cells) {
      expect(cell).toMatch(/^<td role="cell"[^>]*max-sm:block[^>]*><span aria-hidden="true" class="[^"]*sm:hidden[^"]*">/);
    }
    expect(attribute(allTags(html, "table")[0]!, "role")).toBe("table");
    expect(attribute(allTags(html, "thead")[0]!, "class")).toContain("max-sm:sr-only");
  });
});

describe("Tag, Details and SkipLink", () => {
  it("shows a status as text", () => {
    expect(stripTags(render(<Tag colour="green">Response posted</Tag>))).toBe("Response posted");
  });

  it("uses the native details element so it opens without JavaScript", () => {
    const html = render(<Details summary="Help with the code">Check your spam folder.</Details>);
    expect(html).toMatch(/^<details[^>]*><summary[^>]*>.*Help with the code.*<\/summary>/);
    expect(render(<Details summary="s" open>t</Details>)).toMatch(/^<details[^>]*open=""/);
  });

  it("skips to the main content", () => {
    const html = render(<SkipLink />);
    expect(attribute(allTags(html, "a")[0]!, "href")).toBe("#main-content");
    expect(stripTags(html)).toBe("Skip to main content");
  });
});
