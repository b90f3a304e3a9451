/**
 * The process's settings, read once from the environment and validated with zod.
 *
 * Two readings exist. `readLaunchSettings` is used by the launcher (npm start): every
 * service setting is optional, and a missing one means "start the embedded part".
 * `readAppSettings` is used by the running app, which the launcher has given a full set.
 * Either one stops with a ConfigError that names every setting that is missing or malformed.
 */
import { z } from "zod";

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid settings:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\/[^\s]+$/.test(value) && URL.canParse(value), {
    message: "must be a postgres:// or postgresql:// URL, e.g. postgres://user:password@host:5432/portal",
  });
const httpUrl = z
  .string()
  .refine((value) => /^https?:\/\//.test(value) && URL.canParse(value), { message: "must be an http:// or https:// URL" });
const smtpUrl = z
  .string()
  .refine((value) => /^smtps?:\/\//.test(value) && URL.canParse(value), {
    message: "must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.org:587",
  });
const port = z.coerce.number().int().min(1).max(65535);
const booleanFlag = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

/** WEB_CONCURRENCY's ceiling: a typo ("20" for "2") should stop start-up, not fork twenty browsers' worth of processes. */
export const MAX_WEB_PROCESSES = 64;

/** Every setting the launcher understands. All service settings may be absent (embedded). */
export const launchSettingsSchema = z.object({
  /** "production" asks for production mode even before any service setting is given. */
  PORTAL_ENV: optional(z.enum(["production", "development"], { message: 'must be "production" or "development"' })),
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.preprocess(blankToUndefined, port.default(3000)),
  APP_URL: optional(httpUrl),
  DATA_DIR: z.preprocess(blankToUndefined, z.string().default(".data")),
  DATABASE_URL: optional(postgresUrl),
  S3_ENDPOINT: optional(httpUrl),
  S3_BUCKET: z.preprocess(blankToUndefined, z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be a valid bucket name").default("childrens-portal")),
  S3_REGION: z.preprocess(blankToUndefined, z.string().default("eu-west-2")),
  S3_ACCESS_KEY_ID: optional(z.string()),
  S3_SECRET_ACCESS_KEY: optional(z.string()),
  S3_FORCE_PATH_STYLE: z.preprocess(blankToUndefined, booleanFlag.default(true)),
  /** "1": the storage is the embedded s3rver. Set by the launcher for the app it starts, never by hand. */
  S3_EMBEDDED: optional(z.enum(["0", "1"], { message: 'must be "0" or "1"' })),
  /** Where "Find address" looks: "os-places" (OS_PLACES_API_KEY) or the made-up "demo" gazetteer. Unset: demo, development only. */
  ADDRESS_PROVIDER: optional(z.enum(["os-places", "demo"], { message: 'must be "os-places" or "demo"' })),
  /** The OS Data Hub project's API key for the OS Places API. */
  OS_PLACES_API_KEY: optional(z.string()),
  /** The OS Places API's address; tests point it at a local server. */
  OS_PLACES_BASE_URL: optional(httpUrl),
  SMTP_URL: optional(smtpUrl),
  MAIL_FROM: optional(z.string().email("must be an email address, e.g. children@council.gov.uk")),
  CHROMIUM_PATH: optional(z.string()),
  AUTH_SECRET: optional(z.string().min(32, "must be at least 32 characters")),
  SEED_DEMO_DATA: optional(booleanFlag),
  PDF_PAGE_POOL: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(16).default(2)),
  MAIL_RETRY_LIMIT: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(100).default(12)),
  /**
   * "off": this web instance runs no job worker; the worker runs in its own process
   * (`npm run worker`). Default "on": one process does both, as `npm start` always has.
   */
  PORTAL_WORKER: z.preprocess(blankToUndefined, z.enum(["on", "off"], { message: 'must be "on" or "off"' }).default("on")),
  MAIL_RETRY_DELAY_SECONDS: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(3600).default(30)),
  DEV_MAILBOX_DIR: optional(z.string()),
  /** "1" lets the end-to-end tests move the server's clock (/dev/clock). Never in production. */
  PORTAL_TEST_CLOCK: optional(z.enum(["0", "1"])),
  /**
   * Web server processes for this instance, sharing its one port (node:cluster): about one per
   * core the instance may use. Unset: 1, in every mode (README "Settings", "Web processes").
   */
  WEB_CONCURRENCY: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d+$/, "must be a whole number of web processes, e.g. 2")
      .transform(Number)
      .refine((count) => count >= 1 && count <= MAX_WEB_PROCESSES, `must be from 1 to ${MAX_WEB_PROCESSES} web processes`)
      .default(1),
  ),
  /** The address to listen on: loopback unless a deployment opens it up (0.0.0.0, ::). */
  HOST: z.preprocess(blankToUndefined, z.string().min(1).default("127.0.0.1")),
  /**
   * The reverse proxies whose X-Forwarded-For may be believed: a hop count ("1") or a comma list
   * of addresses, CIDRs or proxy-addr's names ("loopback", "uniquelocal"). Unset: none, so the
   * client address is the socket's.
   */
  TRUSTED_PROXIES: optional(z.string()),
  /** clamd for malware scanning: tcp://host:3310 or a Unix socket path. Unset in development: the machine's clamd if installed. */
  /**
   * "1" lets webhook endpoints be http:// and loopback addresses (development and tests, e.g. the
   * reference receiver on this machine). Never in production. Link-local and metadata addresses
   * stay refused either way.
   */
  DELIVERY_ALLOW_LOCAL_ENDPOINTS: optional(z.enum(["0", "1"], { message: 'must be "0" or "1"' })),
  /** The first retry's delay; each later one doubles, up to DELIVERY_RETRY_MAX_DELAY_SECONDS. */
  DELIVERY_RETRY_BASE_SECONDS: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(3600).default(30)),
  DELIVERY_RETRY_MAX_DELAY_SECONDS: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(86_400).default(3600)),
  /** How long a failing delivery is retried (from its first try) before it is marked failed: 24 hours. */
  DELIVERY_RETRY_WINDOW_SECONDS: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(30 * 86_400).default(86_400)),
  /** How often the worker looks for deliveries that are due. */
  DELIVERY_POLL_SECONDS: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(300).default(5)),
  CLAMAV_URL: optional(z.string().refine((value) => /^tcp:\/\/[^\s/]+:\d+\/?$/.test(value) || value.startsWith("/"), { message: "must be tcp://host:port or a socket path" })),
  /** The bearer token Prometheus sends to /api/metrics. Unset: no metrics (404), in every mode. */
  METRICS_TOKEN: optional(z.string().min(24, "must be at least 24 characters").regex(/^\S+$/, "must have no spaces")),
  /** What the JSON log lines include (lib/log.ts). */
  LOG_LEVEL: z.preprocess(blankToUndefined, z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"], { message: "must be one of trace, debug, info, warn, error, fatal, silent" }).default("info")),
});
export type LaunchSettings = z.infer<typeof launchSettingsSchema>;

/** What the running app needs: the launcher has filled in every service setting. */
export const appSettingsSchema = launchSettingsSchema.extend({
  APP_URL: httpUrl,
  DATABASE_URL: postgresUrl,
  S3_ENDPOINT: httpUrl,
  S3_ACCESS_KEY_ID: z.string().min(1),
  S3_SECRET_ACCESS_KEY: z.string().min(1),
  SMTP_URL: smtpUrl,
  MAIL_FROM: z.string().email("must be an email address, e.g. children@council.gov.uk"),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
});
export type AppSettings = z.infer<typeof appSettingsSchema>;

type Source = Record<string, string | undefined>;

function parseWith<T extends z.ZodType>(schema: T, source: Source): z.infer<T> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join(".");
    const isMissing = issue.code === "invalid_type" && source[name] === undefined;
    return isMissing ? `${name} is missing` : `${name} ${issue.message}`;
  });
  throw new ConfigError(problems);
}

export function readLaunchSettings(source: Source = process.env): LaunchSettings {
  return parseWith(launchSettingsSchema, source);
}

/** The settings whose presence says "this is a deployment": any one of them, or PORTAL_ENV=production. */
const PRODUCTION_MARKERS = ["DATABASE_URL", "S3_ENDPOINT", "SMTP_URL"] as const;

/**
 * Production mode is all or nothing. PORTAL_ENV=production, or any of DATABASE_URL, S3_ENDPOINT
 * or SMTP_URL, means a real deployment: it starts no embedded service, serves no /dev page and
 * seeds no demo data, so a forgotten setting must stop start-up rather than be quietly replaced
 * by an embedded part (a deployment without SMTP_URL would otherwise serve every email,
 * sign-in codes included, at /dev/mailbox).
 */
export function isProductionMode(settings: LaunchSettings): boolean {
  return settings.PORTAL_ENV === "production" || PRODUCTION_MARKERS.some((name) => settings[name] !== undefined);
}

/**
 * What production needs, each named with how to set it. Outside production mode only settings
 * that contradict each other are problems (ADDRESS_PROVIDER=os-places without its key).
 */
export function deploymentProblems(settings: LaunchSettings): string[] {
  if (!isProductionMode(settings)) {
    const problems = settings.ADDRESS_PROVIDER === "os-places" && settings.OS_PLACES_API_KEY === undefined ? [OS_PLACES_KEY_MISSING] : [];
    // /dev/clock moves the clock of the process that answers it (lib/clock.ts), not its siblings'.
    if (settings.PORTAL_TEST_CLOCK === "1" && settings.WEB_CONCURRENCY > 1) problems.push("WEB_CONCURRENCY must be 1 with PORTAL_TEST_CLOCK=1: each web process keeps its own test clock");
    return problems;
  }
  const required: [keyof LaunchSettings, string][] = [
    ["DATABASE_URL", "postgres://user:password@host:5432/portal"],
    ["S3_ENDPOINT", "the S3-compatible storage's https:// URL"],
    ["S3_ACCESS_KEY_ID", "the storage access key"],
    ["S3_SECRET_ACCESS_KEY", "the storage secret key"],
    ["SMTP_URL", "smtp://user:password@mail.example.org:587"],
    ["AUTH_SECRET", "32 or more random characters, e.g. openssl rand -base64 32"],
    ["APP_URL", "the https:// address people use to reach the portal"],
    ["CLAMAV_URL", "tcp://host:3310 or a clamd socket path: uploads must be scanned"],
    ["ADDRESS_PROVIDER", "os-places: the demo gazetteer's addresses are made up"],
  ];
  const problems = required.filter(([name]) => settings[name] === undefined).map(([name, hint]) => `${name} is missing (${hint})`);
  if (settings.APP_URL && new URL(settings.APP_URL).protocol !== "https:") problems.push("APP_URL must be an https:// address in production");
  if (settings.PORTAL_TEST_CLOCK === "1") problems.push("PORTAL_TEST_CLOCK must not be set in production: it lets anyone move the server's clock");
  if (settings.DEV_MAILBOX_DIR) problems.push("DEV_MAILBOX_DIR must not be set in production: mail goes to SMTP_URL, never to a page");
  if (settings.ADDRESS_PROVIDER === "demo") problems.push("ADDRESS_PROVIDER must be os-places in production: the demo gazetteer's addresses are made up");
  if (settings.OS_PLACES_API_KEY === undefined) problems.push(OS_PLACES_KEY_MISSING);
  if (settings.S3_EMBEDDED !== undefined) problems.push("S3_EMBEDDED must not be set in production: the launcher sets it for the embedded storage only");
  if (settings.DELIVERY_ALLOW_LOCAL_ENDPOINTS === "1") problems.push("DELIVERY_ALLOW_LOCAL_ENDPOINTS must not be set in production: it lets webhooks reach loopback and plain http");
  if (settings.SEED_DEMO_DATA) problems.push("SEED_DEMO_DATA must not be set in production: demo accounts have published passwords");
  return problems;
}

const OS_PLACES_KEY_MISSING = "OS_PLACES_API_KEY is missing (the OS Data Hub project's API key for the OS Places API)";

const addressSettingsSchema = launchSettingsSchema.pick({ ADDRESS_PROVIDER: true, OS_PLACES_API_KEY: true, OS_PLACES_BASE_URL: true });
export type AddressSettings = z.infer<typeof addressSettingsSchema>;

/** The address lookup's settings alone, so the lookup can be built without the rest. */
export function readAddressSettings(source: Source = process.env): AddressSettings {
  return parseWith(addressSettingsSchema, source);
}

export function readAppSettings(source: Source = process.env): AppSettings {
  return parseWith(appSettingsSchema, source);
}

/**
 * How many web processes serve: WEB_CONCURRENCY for `npm start`; one for `npm run dev`, whatever
 * it says, since `next dev` compiles pages on demand into its one .next folder and serves hot
 * reload from the process that compiled them.
 */
export function webProcessCount(settings: Pick<LaunchSettings, "WEB_CONCURRENCY">, mode: "start" | "dev"): number {
  return mode === "dev" ? 1 : settings.WEB_CONCURRENCY;
}

let cached: AppSettings | undefined;

/** The running app's settings, parsed on first use and kept. */
export function appSettings(): AppSettings {
  cached ??= readAppSettings();
  return cached;
}
