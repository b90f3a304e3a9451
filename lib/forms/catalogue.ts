/**
 * Every form the portal offers, each checked by the loader once when this module loads (a bad
 * definition stops the app at start-up, not in front of a user).
 */
import { loadDefinition } from "./load-definition";
import { earlyHelpAssessment } from "./definitions/early-help-assessment";
import { earlyHelpFamilySupport } from "./definitions/early-help-family-support";
import { ladoReferral } from "./definitions/lado-referral";
import { multiAgencyReferral } from "./definitions/multi-agency-referral";
import { safeguardingConcern } from "./definitions/safeguarding-concern";
import { aboutMyChild } from "./definitions/about-my-child";
import { parentalPreference } from "./definitions/parental-preference";
import type { Audience, FormDefinition, Service } from "./types";

const DEFINITIONS: FormDefinition[] = [
  multiAgencyReferral,
  earlyHelpAssessment,
  safeguardingConcern,
  ladoReferral,
  earlyHelpFamilySupport,
  parentalPreference,
  aboutMyChild,
].map(loadDefinition);

const byId = new Map(DEFINITIONS.map((definition) => [definition.id, definition]));

export function allForms(): readonly FormDefinition[] {
  return DEFINITIONS;
}

/** The current definition of a form, or undefined for an id we do not offer. */
export function formById(id: string): FormDefinition | undefined {
  return byId.get(id);
}

/** The forms anyone may start from the home page (not those the SEND team assigns). */
export function formsFor(audience: Audience): FormDefinition[] {
  return DEFINITIONS.filter((definition) => !definition.isAssignedOnly && definition.audiences.includes(audience));
}

/** The forms a SEND caseworker may assign to a family (Actions to Complete). */
export function assignableSendForms(): FormDefinition[] {
  return DEFINITIONS.filter((definition) => definition.isAssignedOnly && definition.service === "send");
}

/** A form a visitor may start from its own start page: offered, and not one only the SEND team assigns. */
export function startableFormById(id: string): FormDefinition | undefined {
  const definition = byId.get(id);
  return definition && !definition.isAssignedOnly ? definition : undefined;
}

export const SERVICE_NAMES: Record<Service, string> = {
  "social-care": "Social Care",
  "early-help": "Early Help",
  lado: "LADO",
  send: "SEND",
};

/** A home page tile that leads to another service instead of one of our forms (guide 003's LEAP tile). */
export type ExternalTile = { title: string; summary: string; href: string; audiences: Audience[] };

export const EXTERNAL_TILES: readonly ExternalTile[] = [
  {
    title: "School holiday penalty fines",
    summary: "Questions about a penalty notice for time off school are dealt with on another website, not through this portal.",
    href: "https://www.gov.uk/school-attendance-absence/legal-action-to-enforce-school-attendance",
    audiences: ["parent", "professional"],
  },
];

export const AUDIENCE_HEADINGS: Record<Audience, string> = {
  professional: "I am a Professional",
  parent: "I am a parent or carer",
  "young-person": "I am a child or young person",
};
