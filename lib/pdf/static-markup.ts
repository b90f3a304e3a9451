/**
 * A React element as static HTML, for a document that is not a page (the PDF's body, header and
 * footer). React escapes every text child and attribute, so nothing typed into a form is ever
 * read as markup.
 *
 * react-dom/server is imported where it is used rather than at the top: Next refuses a static
 * import of it in server code (React Server Components), and @react-email/render, which renders
 * the emails in the same places, imports it the same way.
 */
import type { ReactElement } from "react";

export async function renderStaticMarkup(element: ReactElement): Promise<string> {
  const { renderToStaticMarkup } = await import("react-dom/server");
  return renderToStaticMarkup(element);
}
