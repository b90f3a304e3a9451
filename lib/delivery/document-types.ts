/**
 * The shape of the JSON document a sent form becomes for the council's case system (issue 17):
 * one per submission (a new form, a resubmission "-V2", a SEND assigned form). `documentVersion`
 * names this envelope's format; the answers' shapes are per form version, described by the JSON
 * Schema at `schemaUrl` (json-schema.ts, served by /api/v1/schemas/<form>/<version>.json).
 */
import type { Audience } from "@/lib/forms/types";
import type { DocumentAnswer } from "./answer-values";

/** Bumped when the envelope changes in a way an integrator must know about. */
export const DOCUMENT_VERSION = 1;

export type DocumentReferrer = {
  forename: string;
  surname: string;
  email: string;
  isProfessional: boolean;
  organisation: string | null;
  jobRole: string | null;
  /** "I am completing this form as a", from the form's start page. */
  completingAs: Audience | null;
  /** The address on their account (members of the public give one when they register). */
  address: { propertyName?: string; houseNumber?: string; street?: string; area?: string; town?: string; postcode?: string } | null;
};

export type DocumentPerson = {
  id: string;
  forename: string;
  surname: string;
  /** "YYYY-MM-DD", when the form asks each person's date of birth (also among their answers). */
  dateOfBirth?: string;
  answers: DocumentAnswer[];
};

export type DocumentFile = {
  id: string;
  name: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  /** The pull API's address for the file (GET, with the team's API key; arrives with issue 17 point 3). */
  downloadUrl: string;
};

export type SubmissionDocument = {
  documentVersion: typeof DOCUMENT_VERSION;
  schemaUrl: string;
  reference: string;
  /** 1 for a new form; 2, 3, ... for each resubmission after a request for more information. */
  version: number;
  /** The reference this one answers (a resubmission's previous version), else null. */
  previousReference: string | null;
  form: { id: string; version: number; title: string };
  team: string;
  sentAt: string;
  referrer: DocumentReferrer;
  people: DocumentPerson[];
  answers: DocumentAnswer[];
  files: DocumentFile[];
};
