/**
 * Which of a page's requests count as reaching the server for the idle warning
 * (app/_auth/server-contact.ts): answered fetches and uploads to our own origin, not scripts,
 * router prefetches, other sites or requests that got no answer.
 */
import { describe, expect, it } from "vitest";
import { isServerContact } from "@/app/_auth/server-contact";

const ORIGIN = "https://portal.example";
const entry = (name: string, initiatorType = "fetch", responseStatus: number | null = 200) => ({ name, initiatorType, responseStatus: responseStatus ?? undefined });

describe("a request that reached the server", () => {
  it.each([
    ["a server action (autosave)", entry(`${ORIGIN}/drafts/abc/section/contact-information`)],
    ["an upload", entry(`${ORIGIN}/drafts/abc/attachments`, "xmlhttprequest", 404)],
    ["a server error answer", entry(`${ORIGIN}/account`, "fetch", 500)],
  ])("counts: %s", (_, request) => expect(isServerContact(request, ORIGIN)).toBe(true));

  it.each([
    ["no answer (the network failed)", entry(`${ORIGIN}/drafts/abc/section/x`, "fetch", 0)],
    ["a browser that cannot say whether it was answered", entry(`${ORIGIN}/drafts/abc/section/x`, "fetch", null)],
    ["the app's own script", entry(`${ORIGIN}/_next/static/chunks/app.js`, "script")],
    ["a script fetched", entry(`${ORIGIN}/_next/static/chunks/app.js`)],
    ["a router prefetch", entry(`${ORIGIN}/drafts?_rsc=1x2y`)],
    ["another site", entry("https://elsewhere.example/drafts")],
    ["an image", entry(`${ORIGIN}/logo.png`, "img")],
  ])("does not count: %s", (_, request) => expect(isServerContact(request, ORIGIN)).toBe(false));
});
