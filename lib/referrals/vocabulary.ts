/**
 * The words of the referrals side: teams, the reasons for asking for more information, the
 * inbox's tabs. Pages show the labels; the database and forms hold the values.
 */
import type { Service } from "@/lib/forms/types";

/** The council teams a referral can sit with (the `team` enum); they are the forms' services. */
export const TEAMS = ["early-help", "social-care", "lado", "send"] as const;
export type Team = (typeof TEAMS)[number];

export const TEAM_LABELS: Record<Team, string> = {
  "early-help": "Early Help",
  "social-care": "Social Care",
  lado: "LADO",
  send: "SEND",
};

const SERVICE_TEAMS: Record<Service, Team> = { "social-care": "social-care", "early-help": "early-help", lado: "lado", send: "send" };

/** The team a newly sent form goes to, from its form's service. */
export function teamForService(service: Service): Team {
  return SERVICE_TEAMS[service];
}

export const isTeam = (value: unknown): value is Team => typeof value === "string" && (TEAMS as readonly string[]).includes(value);

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
