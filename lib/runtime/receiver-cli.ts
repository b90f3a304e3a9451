/**
 * `npm run receiver`: the reference webhook receiver (lib/delivery/receiver.ts) on a port, for a
 * council's integration team to try the portal's webhooks against, and for development (set the
 * team's endpoint to http://127.0.0.1:4400/ with DELIVERY_ALLOW_LOCAL_ENDPOINTS=1). It prints one
 * line per request: the webhook-id, the reference and the verdict; RECEIVER_PRINT_BODY=1 prints
 * the whole document too (personal data: only on test data).
 *
 * Settings: RECEIVER_SECRET (the endpoint's whsec_… secret, shown once in the admin area),
 * RECEIVER_PORT (4400), RECEIVER_HOST (127.0.0.1).
 */
import { z } from "zod";
import { createReceiver } from "@/lib/delivery/receiver";
import { isWebhookSecret } from "@/lib/delivery/webhooks/signature";

const settingsSchema = z.object({
  RECEIVER_SECRET: z.string({ message: "is missing (the endpoint's whsec_… signing secret)" }).refine(isWebhookSecret, { message: "must be a whsec_… secret" }),
  RECEIVER_PORT: z.coerce.number().int().min(1).max(65535).default(4400),
  RECEIVER_HOST: z.string().min(1).default("127.0.0.1"),
  RECEIVER_PRINT_BODY: z.enum(["0", "1"]).default("0"),
});

const parsed = settingsSchema.safeParse(process.env);
if (!parsed.success) {
  process.stderr.write(`The receiver cannot start:\n${parsed.error.issues.map((issue) => `  - ${issue.path.join(".")} ${issue.message}`).join("\n")}\n`);
  process.exit(1);
}
const settings = parsed.data;

const { server } = createReceiver({
  secret: settings.RECEIVER_SECRET,
  onEvent: (event) => {
    const line = event.kind === "rejected" ? { event: "rejected", why: event.status, webhookId: event.webhookId } : { event: event.kind, webhookId: event.webhookId, reference: event.reference, caseSystemId: event.caseSystemId };
    process.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), ...line })}\n`);
    if (event.kind === "accepted" && settings.RECEIVER_PRINT_BODY === "1") process.stdout.write(`${JSON.stringify(JSON.parse(event.body), null, 2)}\n`);
  },
});
server.listen(settings.RECEIVER_PORT, settings.RECEIVER_HOST, () => {
  process.stdout.write(`Reference receiver listening on http://${settings.RECEIVER_HOST}:${settings.RECEIVER_PORT}/ (Ctrl-C stops it).\n`);
});
const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
