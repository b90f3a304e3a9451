import { escapeHtml } from "@/lib/pdf/escape-html";

/** A plain, accessible HTML page for answers given before the app renders (403, 404, 413, 429). */
export function refusalPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} - Children's Portal</title>
<style>body{font-family:system-ui,sans-serif;margin:0;color:#0b0c0c;line-height:1.5}header{background:#0b0c0c;color:#fff;padding:12px 16px;font-weight:700}main{max-width:40rem;padding:16px}h1{font-size:2rem;margin:16px 0}a{color:#1d70b8}a:focus{outline:3px solid #fd0;background:#fd0;color:#0b0c0c}</style>
</head><body><header>Children's Portal</header><main id="main-content"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p><p><a href="/">Go to the home page</a></p></main></body></html>`;
}
