import { describe, expect, it } from "vitest";
import { Footer } from "@/components/layout/footer";
import { Header } from "@/components/layout/header";
import { ServiceProblem } from "@/components/service-problem";
import { allTags, attribute, render, stripTags } from "./markup";

describe("Header", () => {
  it("shows the council's logo named after the council, and links the service name home", () => {
    const html = render(<Header councilName="Demo Borough Council" logoSrc="/council-logo.svg" />);
    const image = allTags(html, "img")[0]!;
    expect(attribute(image, "alt")).toBe("Demo Borough Council");
    expect(attribute(image, "src")).toBe("/council-logo.svg");
    expect(html).toMatch(/<a [^>]*href="\/"[^>]*>.*Children&#x27;s Portal.*<\/a>/);
  });
});

describe("Footer", () => {
  it("links to the accessibility statement and privacy notice", () => {
    const html = render(<Footer councilName="Demo Borough Council" />);
    const links = allTags(html, "a").map((tag) => attribute(tag, "href"));
    expect(links).toEqual(["/accessibility", "/privacy"]);
    expect(stripTags(html)).toContain("Accessibility statement");
    expect(stripTags(html)).toContain("Privacy notice");
    expect(stripTags(html)).toContain("© Demo Borough Council");
  });
});

describe("ServiceProblem", () => {
  it("gives the error's digest as a reference and never its message", () => {
    const error = Object.assign(new Error("relation \"drafts\" does not exist at 10.0.0.5"), { digest: "2841570913" });
    const text = stripTags(render(<ServiceProblem error={error} />));
    expect(text).toContain("Sorry, there is a problem with the service");
    expect(text).toContain("2841570913");
    expect(text).not.toContain("drafts");
    expect(text).not.toContain("10.0.0.5");
  });

  it("leaves out the reference when there is no digest", () => {
    expect(stripTags(render(<ServiceProblem error={new Error("secret")} />))).not.toMatch(/reference|secret/);
  });
});
