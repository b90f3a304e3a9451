import { appSettings } from "@/lib/config/env";
import { readMailboxMessage } from "@/lib/mail/dev-mailbox";

export const dynamic = "force-dynamic";

/** The email's HTML as sent, under a policy that lets it style itself but run and fetch nothing. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const dir = appSettings().DEV_MAILBOX_DIR;
  const message = dir ? await readMailboxMessage(dir, (await params).id) : null;
  if (!message?.html) return new Response("Not found", { status: 404 });
  return new Response(message.html, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'",
      "Cache-Control": "no-store",
    },
  });
}
