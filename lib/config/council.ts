/**
 * Per-council settings: the things the councils' guides disagree on (a code valid 5 or 10
 * minutes, passwords of 9, 12 or 15 characters, submitted forms listed for 30 or 90 days).
 * One typed object with defaults taken from the guides; a council overrides any of them
 * with a COUNCIL_* setting (see .env.example).
 */
import { z } from "zod";
import { ConfigError } from "./env";

const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);
const whole = (min: number, max: number, fallback: number) =>
  z.preprocess(blankToUndefined, z.coerce.number().int().min(min).max(max).default(fallback));

export const councilSettingsSchema = z.object({
  /** Shown in the header, page titles and emails. */
  COUNCIL_NAME: z.preprocess(blankToUndefined, z.string().min(2).default("Demo Borough Council")),
  /** A path under public/ (or an https URL) for the header logo. */
  COUNCIL_LOGO: z.preprocess(blankToUndefined, z.string().default("/council-logo.svg")),
  /** The display name emails come from; the address is MAIL_FROM. */
  COUNCIL_MAIL_SENDER_NAME: z.preprocess(blankToUndefined, z.string().default("Children's Portal")),
  /** Sign-in and verification codes: Dudley says 10 minutes, Worcestershire 5. */
  COUNCIL_CODE_LIFETIME_MINUTES: whole(1, 60, 10),
  /** Wigan sends an 8-digit code. */
  COUNCIL_CODE_LENGTH: whole(6, 10, 8),
  /** Password policy: Dudley 9, Hillingdon 12, Worcestershire 15; we default to Hillingdon's. */
  COUNCIL_PASSWORD_MIN_LENGTH: whole(8, 64, 12),
  /** How many earlier passwords (besides the current one) a new password may not repeat. */
  COUNCIL_PASSWORD_HISTORY: whole(0, 24, 8),
  /** Saved forms are kept 30 days from their start date (Dudley, Wigan). */
  COUNCIL_DRAFT_RETENTION_DAYS: whole(1, 365, 30),
  /** "Submitted Forms" lists the last 30 days (Dudley) or 90 days (Hillingdon). */
  COUNCIL_SUBMITTED_FORMS_DAYS: whole(1, 3650, 30),
  /** Days the portal keeps a sent form's answers and files after the case system acknowledged it (lib/delivery/retention.ts). */
  COUNCIL_DELIVERED_RETENTION_DAYS: whole(1, 3650, 30),
  /** Signed out after 30 minutes without activity (Worcestershire), warned 2 minutes before. */
  COUNCIL_IDLE_TIMEOUT_MINUTES: whole(5, 240, 30),
  COUNCIL_IDLE_WARNING_MINUTES: whole(1, 10, 2),
  /** Wrong passwords before the account is locked for a while, and how long the lock lasts. */
  COUNCIL_MAX_FAILED_ATTEMPTS: whole(3, 50, 10),
  COUNCIL_LOCKOUT_MINUTES: whole(1, 1440, 15),
  /**
   * Failed sign-in attempts from one IP address in 15 minutes. Only failures count: a school,
   * GP practice or council office signs in hundreds of people from one address each morning.
   */
  COUNCIL_SIGN_IN_ATTEMPTS_PER_IP: whole(5, 100_000, 200),
  /** Codes (sign-in, reset, verification) issued to one account, and from one address, per hour. */
  COUNCIL_CODES_PER_ACCOUNT_PER_HOUR: whole(3, 1000, 10),
  COUNCIL_CODES_PER_IP_PER_HOUR: whole(10, 100_000, 500),
  /** A session ends this long after sign-in however active it is (ASVS 7.3.2). */
  COUNCIL_SESSION_MAX_HOURS: whole(1, 24, 12),
  /** A passphrase this long needs no mix of character types (NCSC, ASVS 6.2.5). */
  COUNCIL_PASSPHRASE_MIN_LENGTH: whole(12, 64, 15),
  /** Files on one form (attachments), and in one upload request. */
  COUNCIL_MAX_FILES_PER_FORM: whole(1, 200, 20),
  /** PDFs one person may have rendering at once, and PDFs waiting for a page in all. */
  COUNCIL_PDF_PER_PERSON: whole(1, 10, 2),
  COUNCIL_PDF_QUEUE: whole(1, 1000, 20),
  /** Largest single attachment, in megabytes. */
  COUNCIL_MAX_UPLOAD_MB: whole(1, 100, 10),
  /** All the attachments on one form together, in megabytes. */
  COUNCIL_MAX_UPLOADS_PER_FORM_MEGABYTES: whole(1, 1000, 50),
  /** How the family reaches the SEND team, shown on the dashboard and in the invitation emails. */
  COUNCIL_SEND_TEAM_CONTACT: z.preprocess(blankToUndefined, z.string().min(5).default("SEND Assessment Team: 01234 567 890, send@demo-council.example")),
  /** The "Accept Portal Invitation" link lives 14 days. */
  COUNCIL_SEND_INVITATION_DAYS: whole(1, 90, 14),
  /** The identity code the family quotes to the SEND team lives this long. */
  COUNCIL_SEND_IDENTITY_CODE_DAYS: whole(1, 90, 28),
  /** Statutory timescales count the day the request was received as day 1 (guide 004's example), or from the day after. */
  COUNCIL_SEND_DAY_ONE: z.preprocess(blankToUndefined, z.enum(["request-day", "day-after"]).default("request-day")),
});

export type CouncilSettings = {
  name: string;
  logo: string;
  mailSenderName: string;
  codeLifetimeMinutes: number;
  codeLength: number;
  passwordPolicy: { minLength: number; history: number };
  draftRetentionDays: number;
  submittedFormsDays: number;
  deliveredRetentionDays: number;
  idleTimeoutMinutes: number;
  idleWarningMinutes: number;
  maxFailedAttempts: number;
  lockoutMinutes: number;
  maxUploadMegabytes: number;
  maxUploadsPerFormMegabytes: number;
  signInAttemptsPerIp: number;
  codesPerAccountPerHour: number;
  codesPerIpPerHour: number;
  sessionMaxHours: number;
  passphraseMinLength: number;
  maxFilesPerForm: number;
  pdfPerPerson: number;
  pdfQueue: number;
  send: { teamContact: string; invitationDays: number; identityCodeDays: number; dayOneRule: "request-day" | "day-after" };
};

export function readCouncilSettings(source: Record<string, string | undefined> = process.env): CouncilSettings {
  const result = councilSettingsSchema.safeParse(source);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`));
  }
  const s = result.data;
  return {
    name: s.COUNCIL_NAME,
    logo: s.COUNCIL_LOGO,
    mailSenderName: s.COUNCIL_MAIL_SENDER_NAME,
    codeLifetimeMinutes: s.COUNCIL_CODE_LIFETIME_MINUTES,
    codeLength: s.COUNCIL_CODE_LENGTH,
    passwordPolicy: { minLength: s.COUNCIL_PASSWORD_MIN_LENGTH, history: s.COUNCIL_PASSWORD_HISTORY },
    draftRetentionDays: s.COUNCIL_DRAFT_RETENTION_DAYS,
    submittedFormsDays: s.COUNCIL_SUBMITTED_FORMS_DAYS,
    deliveredRetentionDays: s.COUNCIL_DELIVERED_RETENTION_DAYS,
    idleTimeoutMinutes: s.COUNCIL_IDLE_TIMEOUT_MINUTES,
    idleWarningMinutes: s.COUNCIL_IDLE_WARNING_MINUTES,
    maxFailedAttempts: s.COUNCIL_MAX_FAILED_ATTEMPTS,
    lockoutMinutes: s.COUNCIL_LOCKOUT_MINUTES,
    maxUploadMegabytes: s.COUNCIL_MAX_UPLOAD_MB,
    maxUploadsPerFormMegabytes: s.COUNCIL_MAX_UPLOADS_PER_FORM_MEGABYTES,
    signInAttemptsPerIp: s.COUNCIL_SIGN_IN_ATTEMPTS_PER_IP,
    codesPerAccountPerHour: s.COUNCIL_CODES_PER_ACCOUNT_PER_HOUR,
    codesPerIpPerHour: s.COUNCIL_CODES_PER_IP_PER_HOUR,
    sessionMaxHours: s.COUNCIL_SESSION_MAX_HOURS,
    passphraseMinLength: s.COUNCIL_PASSPHRASE_MIN_LENGTH,
    maxFilesPerForm: s.COUNCIL_MAX_FILES_PER_FORM,
    pdfPerPerson: s.COUNCIL_PDF_PER_PERSON,
    pdfQueue: s.COUNCIL_PDF_QUEUE,
    send: {
      teamContact: s.COUNCIL_SEND_TEAM_CONTACT,
      invitationDays: s.COUNCIL_SEND_INVITATION_DAYS,
      identityCodeDays: s.COUNCIL_SEND_IDENTITY_CODE_DAYS,
      dayOneRule: s.COUNCIL_SEND_DAY_ONE,
    },
  };
}

let cached: CouncilSettings | undefined;

export function councilSettings(): CouncilSettings {
  cached ??= readCouncilSettings();
  return cached;
}
