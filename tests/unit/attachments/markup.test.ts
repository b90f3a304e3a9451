import { describe, expect, it } from "vitest";
import { ContentInspector, type Detected, type Refusal } from "@/lib/attachments/content";
import { refusalMessage } from "@/lib/attachments/messages";

async function inspect(text: string, piece = 1000): Promise<Detected | Refusal> {
  const file = Buffer.from(text, "utf8");
  const inspector = new ContentInspector();
  for (let i = 0; i < file.length; i += piece) {
    const refusal = await inspector.push(file.subarray(i, i + piece));
    if (refusal) return refusal;
  }
  return inspector.finish();
}

const MARKUP = { reason: "not-accepted", looksLike: "markup" };
const padding = "Notes from the meeting on 3 March. ".repeat(400); // past the first 8 KB looked at

describe("markup and script are refused, not taken as text", () => {
  it.each([
    ["an HTML page", "<!DOCTYPE html><html><body><h1>Hello</h1></body></html>"],
    ["a script tag in a text file", "Dear team,\n<script>fetch('/steal?c='+document.cookie)</script>\n"],
    ["an SVG picture named .jpg", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="5"/></svg>'],
    ["an XML document", '<?xml version="1.0"?><note><to>Amy</to></note>'],
    ["a PHP page", "<?php system($_GET['c']); ?>"],
    ["a shell script", "#!/bin/sh\nrm -rf ~\n"],
    ["a batch file", "@echo off\r\ndel /q C:\\*\r\n"],
    ["a javascript: link", "Click here: javascript:alert(1)"],
    ["a tag far into the file", `${padding}<iframe src="https://example.org"></iframe>`],
    ["an img with an event handler", '<img src=x onerror="alert(1)">'],
  ])("%s", async (_what, text) => {
    expect(await inspect(text)).toEqual(MARKUP);
  });

  it("finds a tag split between two pieces of the upload", async () => {
    for (const piece of [1, 3, 8192, 8193]) expect(await inspect(`${padding}<scr${"ipt"}>x</script>`, piece)).toEqual(MARKUP);
  });

  it("still accepts plain text that mentions < and >", async () => {
    expect(await inspect("Attendance < 80% this term; behaviour points > 12.\nSee <name> on the form.\n")).toMatchObject({ kind: "text" });
    expect(await inspect(`${padding}Zoë’s reading age is < 7 → refer to the HTML guide on the school website.`)).toMatchObject({ kind: "text" });
  });

  it("says what the file is, naming it", () => {
    expect(refusalMessage("notes.txt", MARKUP as Refusal)).toBe("notes.txt is a web page, image or script written as text. The selected file must be a PDF, Word document, JPG, PNG or TXT");
  });
});
