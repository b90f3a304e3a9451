/**
 * Every form the portal offers, each checked by the loader once when this module loads (a bad
 * definition stops the app at start-up, not in front of a user).
 */
import { loadDefinition } from "./load-definition";
import { safeguardingConcern } from "./definitions/safeguarding-concern";
import type { Audience, FormDefinition, Service } from "./types";

const DEFINITIONS: FormDefinition[] = [safeguardingConcern].map(loadDefinition);

const byId = new Map(DEFINITIONS.map((definition) => [definition.id, definition]));

export function allForms(): readonly FormDefinition[] {
  return DEFINITIONS;
}

/** The current definition of a form, or undefined for an id we do not offer. */
export function formById(id: string): FormDefinition | undefined {
  return byId.get(id);
}

export function formsFor(audience: Audience): FormDefinition[] {
  return DEFINITIONS.filter((definition) => definition.audiences.includes(audience));
}

export const SERVICE_NAMES: Record<Service, string> = {
  "social-care": "Social Care",
  "early-help": "Early Help",
  lado: "LADO",
  send: "SEND",
};
