/**
 * The words of the referrals side: the reasons for asking for more information. Teams are data
 * (lib/staff/teams.ts). Pages show the labels; the database and forms hold the values.
 */

/** Why staff send a form back ("Detail" on the referrer's list). */
export const INFORMATION_REASONS = ["insufficient-detail", "consent-not-evidenced", "wrong-service", "other"] as const;
export type InformationReason = (typeof INFORMATION_REASONS)[number];

export const REASON_LABELS: Record<InformationReason, string> = {
  "insufficient-detail": "Insufficient Detail",
  "consent-not-evidenced": "Consent not evidenced",
  "wrong-service": "Wrong service",
  other: "Other",
};

export const isInformationReason = (value: unknown): value is InformationReason =>
  typeof value === "string" && (INFORMATION_REASONS as readonly string[]).includes(value);

/** The longest response or comments staff may write (a forged post cannot store a novel). */
export const MAX_STAFF_TEXT = 10_000;

/** Who acted, when the council's case system answered through the API (lib/delivery/api): shown in histories and to the referrer; staff also see the key's name. */
export const CASE_SYSTEM_NAME = "Case system";
