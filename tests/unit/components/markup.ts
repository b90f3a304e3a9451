/**
 * Reading rendered HTML the way assistive technology would link it up (ids, for=,
 * aria-describedby), without a DOM: the components render to static markup on the server.
 */
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";

export const render = (element: ReactElement): string => renderToStaticMarkup(element);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The opening tag of the element with this id; throws if there is none or more than one. */
export function tagWithId(html: string, id: string): string {
  const matches = html.match(new RegExp(`<[a-z][a-z0-9]*\\b[^>]*\\sid="${escapeRegExp(id)}"[^>]*>`, "g")) ?? [];
  if (matches.length !== 1) throw new Error(`expected one element with id="${id}", found ${matches.length}`);
  return matches[0]!;
}

/** An attribute's raw value; names match case-insensitively, as in HTML (React writes inputMode, autoComplete). */
export function attribute(tag: string, name: string): string | undefined {
  return tag.match(new RegExp(`\\s${escapeRegExp(name)}="([^"]*)"`, "i"))?.[1];
}

/** Ids listed in an element's aria-describedby. */
export function describedBy(html: string, id: string): string[] {
  return attribute(tagWithId(html, id), "aria-describedby")?.split(" ") ?? [];
}

/** The text of the element with this id, tags stripped. */
export function textOfId(html: string, id: string): string {
  const tag = tagWithId(html, id);
  const name = tag.match(/^<([a-z][a-z0-9]*)/)![1]!;
  const start = html.indexOf(tag) + tag.length;
  return stripTags(html.slice(start, html.indexOf(`</${name}>`, start)));
}

/** The text of the label pointing at this id (for="…"). */
export function labelText(html: string, id: string): string | undefined {
  const match = html.match(new RegExp(`<label[^>]*\\sfor="${escapeRegExp(id)}"[^>]*>([\\s\\S]*?)</label>`));
  return match ? stripTags(match[1]!) : undefined;
}

export function allTags(html: string, name: string): string[] {
  return html.match(new RegExp(`<${name}\\b[^>]*>`, "g")) ?? [];
}

export function stripTags(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .trim();
}
