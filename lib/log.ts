/**
 * Structured logging of events and ids. Never pass answers, names, addresses or email
 * addresses here: they are children's and families' personal data.
 */
type Field = string | number | boolean | null | undefined;

export function logEvent(event: string, fields: Record<string, Field> = {}): void {
  if (process.env.PORTAL_QUIET_LOGS === "1") return;
  process.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), event, ...fields })}\n`);
}
