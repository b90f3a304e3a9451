/**
 * Child/Young Person Safeguarding Concern, for professionals (Wigan's guide, section 2.1): an
 * overview, the professional's details, the child or young person's details, consent,
 * additional information, contact information, supporting documents and the declaration.
 * The people the form is about are entered before the first section ("Who is this about?");
 * questions marked isPerPerson can then be answered differently for each child.
 * Supporting documents arrive with the documents issue (file questions).
 */
import type { FormDefinition } from "../types";
import { supportingDocumentationSection } from "./supporting-documentation";

const yesNoUnknown = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
  { value: "unknown", label: "Not known" },
];

export const safeguardingConcern: FormDefinition = {
  id: "safeguarding-concern",
  version: 1,
  title: "Child/Young Person Safeguarding Concern",
  summary: "For professionals worried that a child or young person is being harmed or is at risk of harm.",
  service: "social-care",
  team: "social-care",
  audiences: ["professional"],
  sections: [
    {
      id: "overview",
      title: "Overview",
      description:
        "Safeguarding children means protecting a child's (aged 17 and below) right to live in a safe environment free from abuse and neglect. If a child is in immediate danger, call 999. Immediate safeguarding concerns should be made by telephone and followed up by this form.",
      questions: [],
    },
    {
      id: "professional-details",
      title: "Professional's Details",
      questions: [
        { id: "referrerName", type: "text", label: "Your full name", isRequired: true },
        { id: "referrerRole", type: "text", label: "Your job title or role", isRequired: true },
        { id: "referrerOrganisation", type: "text", label: "Your organisation", isRequired: true },
        { id: "referrerEmail", type: "email", label: "Your work email address", isRequired: true },
        { id: "referrerPhone", type: "phone", label: "Your telephone number", isRequired: true },
      ],
    },
    {
      id: "child-details",
      title: "Child / Young Person's Details",
      questions: [
        { id: "dateOfBirth", type: "date", label: "Date of birth", isPerPerson: true, isRequired: true, allowEstimated: true, mustBePast: true },
        {
          id: "gender",
          type: "radios",
          label: "Gender",
          isPerPerson: true,
          choices: [
            { value: "female", label: "Female" },
            { value: "male", label: "Male" },
            { value: "other", label: "Another gender" },
            { value: "unknown", label: "Not known" },
          ],
        },
        { id: "nhsNumber", type: "nhsNumber", label: "NHS number", hint: "If you know it", isPerPerson: true },
        { id: "upn", type: "upn", label: "Unique Pupil Number (UPN)", hint: "If you know it", isPerPerson: true },
        { id: "school", type: "text", label: "School or setting", isPerPerson: true },
        { id: "homePostcode", type: "postcode", label: "Postcode of the child's home", isRequired: true },
        { id: "hasDisability", type: "yesNo", label: "Does the child or young person have a disability or special educational needs?", isPerPerson: true },
        { id: "disabilityDetails", type: "longText", label: "Tell us about the disability or special educational needs", isPerPerson: true, showIf: { question: "hasDisability", equals: "yes" } },
      ],
    },
    {
      id: "consent",
      title: "Consent",
      questions: [
        {
          id: "consentGiven",
          type: "radios",
          label: "Has the parent or carer agreed to this referral?",
          isRequired: true,
          choices: [
            { value: "yes", label: "Yes" },
            { value: "no", label: "No" },
            { value: "notSought", label: "Consent has not been sought because it would put the child at greater risk" },
          ],
        },
        { id: "consentReason", type: "longText", label: "Why has consent not been given or sought?", isRequired: true, showIf: { any: [{ question: "consentGiven", equals: "no" }, { question: "consentGiven", equals: "notSought" }] } },
      ],
    },
    {
      id: "additional-information",
      title: "Additional Child / Young Person's Information",
      questions: [
        {
          id: "concernTypes",
          type: "checkboxes",
          label: "What are you worried about?",
          hint: "Select all that apply",
          isRequired: true,
          isPerPerson: true,
          choices: [
            { value: "physical", label: "Physical harm" },
            { value: "sexual", label: "Sexual harm" },
            { value: "emotional", label: "Emotional harm" },
            { value: "neglect", label: "Neglect" },
            { value: "exploitation", label: "Exploitation (criminal or sexual)" },
            { value: "domesticAbuse", label: "Domestic abuse" },
            { value: "other", label: "Something else" },
          ],
        },
        { id: "concernDetails", type: "longText", label: "Describe your concerns", hint: "What has happened, when, and what the child or young person has said", isRequired: true, isPerPerson: true },
        { id: "childAware", type: "radios", label: "Is the child or young person aware of this referral?", choices: yesNoUnknown, isPerPerson: true },
        { id: "immediateRisk", type: "yesNo", label: "Is the child or young person at risk of significant harm today?", isRequired: true },
      ],
    },
    {
      id: "contact-information",
      title: "Contact Information",
      questions: [
        { id: "parentName", type: "text", label: "Parent or carer's full name" },
        { id: "parentPhone", type: "phone", label: "Parent or carer's telephone number" },
        { id: "parentEmail", type: "email", label: "Parent or carer's email address" },
        { id: "safeToContact", type: "radios", label: "Is it safe to contact the family?", isRequired: true, choices: yesNoUnknown },
      ],
    },
    supportingDocumentationSection(
      "Attach any documents that support this concern, such as a chronology, a body map or notes of what the child said. Only share what is needed, in line with your organisation's data protection policies.",
    ),
    {
      id: "declaration",
      title: "Declaration & Submit",
      questions: [
        {
          id: "declarationAgreed",
          type: "declaration",
          label: "Declaration",
          statement: "The information I have given is true and complete to the best of my knowledge, and I understand it will be shared with children's social care.",
          isRequired: true,
        },
      ],
    },
  ],
};
