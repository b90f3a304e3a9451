/** Renders a React Email component to the HTML and plain-text bodies the outbox stores. */
import { render, toPlainText } from "@react-email/render";
import type { ReactElement } from "react";

export async function renderEmail(element: ReactElement): Promise<{ html: string; text: string }> {
  const html = await render(element);
  return { html, text: toPlainText(html) };
}
