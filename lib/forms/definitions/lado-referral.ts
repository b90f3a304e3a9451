/**
 * LADO referral: a professional tells the Local Authority Designated Officer about an allegation
 * or concern about an adult who works with children, paid or voluntary.
 *
 * Worcestershire's guide (guide 001) offers it as the "Adult who works with Children" button
 * beside the Early Help and Social Care referrals; Wigan's (guide 002, 2.3) shows a "Portal
 * LADO Referral" returned for more information. The guides do not list its questions, so the
 * sections are those UK councils' LADO referral forms ask, around the harm test of Working
 * Together to Safeguard Children and Keeping Children Safe in Education: your details, the
 * adult's details, the allegation, the children involved (per person), actions taken, whether
 * the employer and the police have been told, and the declaration.
 *
 * The people entered on the start page ("Who is this about?") are the children involved; the
 * adult the allegation is about is asked about inside the form.
 */
import type { FormDefinition } from "../types";
import { supportingDocumentationSection } from "./supporting-documentation";
import { genderChoices, yesNoNotKnown } from "./choices";

export const ladoReferral: FormDefinition = {
  id: "lado-referral",
  version: 1,
  title: "LADO referral",
  summary:
    "For professionals reporting an allegation or concern about an adult who works or volunteers with children to the Local Authority Designated Officer (LADO).",
  service: "lado",
  team: "lado",
  audiences: ["professional"],
  sections: [
    {
      id: "overview",
      title: "Overview",
      description:
        "Use this form to tell the Local Authority Designated Officer (LADO) about an adult who works or volunteers with children and who has: behaved in a way that has harmed, or may have harmed, a child; possibly committed a criminal offence against or related to a child; behaved towards a child or children in a way that indicates they may pose a risk of harm to children; or behaved, or may have behaved, in a way that indicates they may not be suitable to work with children. If a child is in immediate danger, call 999. If you are worried about a child's safety at home, also make a referral to Children's Social Care. Do not investigate the allegation yourself, and do not tell the adult about it until you have agreed with the LADO (and the police, if they are involved) what can be shared. Under \"Who is this about?\", add the children involved.",
      questions: [],
    },
    {
      id: "referrer-details",
      title: "Your Details",
      questions: [
        { id: "referrerName", type: "text", label: "Your full name", isRequired: true },
        { id: "referrerRole", type: "text", label: "Your job title or role", isRequired: true, hint: "For example headteacher or designated safeguarding lead" },
        { id: "referrerOrganisation", type: "text", label: "Your organisation", isRequired: true },
        { id: "referrerEmail", type: "email", label: "Your work email address", isRequired: true },
        { id: "referrerPhone", type: "phone", label: "Your telephone number", isRequired: true },
        {
          id: "referrerRelationshipToAdult",
          type: "text",
          label: "Your relationship to the adult",
          hint: "For example their line manager, a colleague or the chair of governors",
        },
      ],
    },
    {
      id: "adult-details",
      title: "The Adult's Details",
      description: "The adult the allegation or concern is about.",
      questions: [
        { id: "adultName", type: "text", label: "The adult's full name", isRequired: true },
        { id: "adultOtherNames", type: "text", label: "Any other names they are known by" },
        { id: "adultDateOfBirth", type: "date", label: "The adult's date of birth", hint: "If known", allowEstimated: true, mustBePast: true },
        { id: "adultGender", type: "radios", label: "The adult's gender", choices: genderChoices },
        { id: "adultAddress", type: "address", label: "The adult's home address", hint: "If known" },
        { id: "adultRole", type: "text", label: "The adult's job title or role", isRequired: true },
        {
          id: "employmentType",
          type: "radios",
          label: "How the adult works with children",
          isRequired: true,
          choices: [
            { value: "employee", label: "Paid employee" },
            { value: "volunteer", label: "Volunteer" },
            { value: "agency", label: "Agency or supply worker" },
            { value: "selfEmployed", label: "Self-employed or contractor", hint: "For example a tutor, sports coach or childminder" },
            { value: "fosterCarer", label: "Foster carer" },
            { value: "other", label: "Other" },
          ],
        },
        { id: "adultEmployer", type: "text", label: "Employer or organisation", isRequired: true, hint: "Who they work or volunteer for" },
        {
          id: "adultWorkplace",
          type: "text",
          label: "Where they work",
          hint: "The name and address of the school, setting or site, if different from the employer",
        },
        {
          id: "otherRolesWithChildren",
          type: "radios",
          label: "Does the adult have any other roles with children, paid or voluntary?",
          hint: "For example coaching, tutoring, youth groups, childminding or fostering",
          choices: yesNoNotKnown,
        },
        {
          id: "otherRolesDetails",
          type: "longText",
          label: "Their other roles with children",
          showIf: { question: "otherRolesWithChildren", equals: "yes" },
        },
        {
          id: "adultHasChildren",
          type: "radios",
          label: "Does the adult have children of their own or living with them?",
          choices: yesNoNotKnown,
        },
      ],
    },
    {
      id: "allegation",
      title: "The Allegation",
      questions: [
        {
          id: "harmTest",
          type: "checkboxes",
          label: "Which of these describes the concern",
          hint: "Select all that apply",
          isRequired: true,
          choices: [
            { value: "harmed", label: "The adult has behaved in a way that has harmed a child, or may have harmed a child" },
            { value: "criminalOffence", label: "The adult has possibly committed a criminal offence against or related to a child" },
            { value: "riskOfHarm", label: "The adult has behaved towards a child or children in a way that indicates they may pose a risk of harm to children" },
            { value: "unsuitable", label: "The adult has behaved, or may have behaved, in a way that indicates they may not be suitable to work with children" },
          ],
        },
        {
          id: "harmCategories",
          type: "checkboxes",
          label: "Type of harm",
          hint: "Select all that apply",
          choices: [
            { value: "physical", label: "Physical" },
            { value: "sexual", label: "Sexual" },
            { value: "emotional", label: "Emotional" },
            { value: "neglect", label: "Neglect" },
            { value: "conductOutsideWork", label: "Behaviour outside work, or online, that may affect their suitability" },
          ],
        },
        {
          id: "incidentDate",
          type: "date",
          label: "Date of the incident",
          hint: "If it happened more than once, give the date of the most recent incident and tell us about the others below",
          isRequired: true,
          allowEstimated: true,
          mustBePast: true,
        },
        { id: "dateReported", type: "date", label: "Date the concern was reported to your organisation", isRequired: true, mustBePast: true },
        { id: "incidentLocation", type: "text", label: "Where it happened" },
        {
          id: "raisedBy",
          type: "radios",
          label: "Who raised the concern",
          isRequired: true,
          choices: [
            { value: "child", label: "The child or young person" },
            { value: "otherChild", label: "Another child or young person" },
            { value: "parent", label: "A parent or carer" },
            { value: "colleague", label: "A colleague" },
            { value: "referrer", label: "I saw or heard it myself" },
            { value: "anonymous", label: "Anonymous" },
            { value: "other", label: "Someone else" },
          ],
        },
        {
          id: "allegationDetails",
          type: "longText",
          label: "What happened",
          hint: "Stick to the facts: what was seen, heard or said, by whom, where and when. Use people's own words where you can.",
          isRequired: true,
        },
        { id: "witnesses", type: "longText", label: "Witnesses", hint: "The names and roles of anyone who saw or heard what happened" },
        {
          id: "previousConcerns",
          type: "radios",
          label: "Have there been any previous concerns about this adult?",
          choices: yesNoNotKnown,
        },
        {
          id: "previousConcernsDetails",
          type: "longText",
          label: "The previous concerns, when they were raised and what was done",
          showIf: { question: "previousConcerns", equals: "yes" },
        },
      ],
    },
    {
      id: "children-involved",
      title: "Children Involved",
      description: "About each child involved. Where the answer is different for each child, you can give a different answer for each of them.",
      questions: [
        { id: "dateOfBirth", type: "date", label: "Date of birth", isRequired: true, isPerPerson: true, allowEstimated: true, mustBePast: true },
        { id: "gender", type: "radios", label: "Gender", isPerPerson: true, choices: genderChoices },
        { id: "childSetting", type: "text", label: "School or setting", isPerPerson: true },
        { id: "childHasNeeds", type: "yesNo", label: "Does {names} have special educational needs or a disability?", isPerPerson: true },
        { id: "childInjured", type: "yesNo", label: "Was {names} injured?", isRequired: true, isPerPerson: true },
        {
          id: "injuryDetails",
          type: "longText",
          label: "The injury, and any medical treatment",
          isPerPerson: true,
          showIf: { question: "childInjured", equals: "yes" },
        },
        {
          id: "childAccount",
          type: "longText",
          label: "What {names} has said",
          hint: "In their own words if you can. Do not question the child further.",
          isPerPerson: true,
        },
        {
          id: "parentsInformed",
          type: "radios",
          label: "Have the parents or carers of {names} been told?",
          isRequired: true,
          isPerPerson: true,
          choices: yesNoNotKnown,
        },
      ],
    },
    {
      id: "actions-taken",
      title: "Actions Taken",
      questions: [
        {
          id: "actionsTaken",
          type: "longText",
          label: "What has been done since the concern was raised",
          hint: "Include any steps taken to keep children safe",
          isRequired: true,
        },
        {
          id: "adultAware",
          type: "radios",
          label: "Does the adult know about the allegation?",
          hint: "Do not tell them until you have agreed with the LADO what can be shared",
          isRequired: true,
          choices: yesNoNotKnown,
        },
        {
          id: "adultCurrentStatus",
          type: "radios",
          label: "The adult's current working arrangements",
          isRequired: true,
          choices: [
            { value: "asNormal", label: "Working as normal" },
            { value: "changedDuties", label: "Working with changed duties or extra supervision" },
            { value: "notAtWork", label: "Not at work, for example on leave or off sick" },
            { value: "suspended", label: "Suspended" },
            { value: "left", label: "No longer works or volunteers there" },
            { value: "notKnown", label: "Not known" },
          ],
        },
        { id: "socialCareInformed", type: "radios", label: "Have Children's Social Care been told?", choices: yesNoNotKnown },
        {
          id: "socialCareDetails",
          type: "text",
          label: "Who you spoke to in Children's Social Care, and when",
          showIf: { question: "socialCareInformed", equals: "yes" },
        },
      ],
    },
    {
      id: "employer-informed",
      title: "Employer Informed",
      questions: [
        {
          id: "employerInformed",
          type: "radios",
          label: "Has the adult's employer been told?",
          isRequired: true,
          choices: [
            { value: "yes", label: "Yes" },
            { value: "no", label: "No" },
            { value: "referrerIsEmployer", label: "I am referring on behalf of the employer" },
          ],
        },
        {
          id: "employerContactName",
          type: "text",
          label: "Name of the employer's contact",
          hint: "For example the headteacher, manager or designated safeguarding lead",
          isRequired: true,
          showIf: { question: "employerInformed", equals: "yes" },
        },
        { id: "employerContactRole", type: "text", label: "Their job title or role", showIf: { question: "employerInformed", equals: "yes" } },
        { id: "employerContactPhone", type: "phone", label: "Their telephone number", isRequired: true, showIf: { question: "employerInformed", equals: "yes" } },
        { id: "employerContactEmail", type: "email", label: "Their email address", showIf: { question: "employerInformed", equals: "yes" } },
        {
          id: "employerNotInformedReason",
          type: "longText",
          label: "Why the employer has not been told",
          isRequired: true,
          showIf: { question: "employerInformed", equals: "no" },
        },
      ],
    },
    {
      id: "police-informed",
      title: "Police Informed",
      description: "If a crime may have been committed, the LADO will discuss with the police whether they need to investigate. If a child is in immediate danger, call 999.",
      questions: [
        { id: "policeInformed", type: "yesNo", label: "Have the police been told?", isRequired: true },
        { id: "policeReference", type: "text", label: "Police reference number", hint: "If you have one", showIf: { question: "policeInformed", equals: "yes" } },
        { id: "policeOfficer", type: "text", label: "Name of the police officer", showIf: { question: "policeInformed", equals: "yes" } },
        {
          id: "policeDate",
          type: "date",
          label: "Date the police were told",
          mustBePast: true,
          showIf: { question: "policeInformed", equals: "yes" },
        },
      ],
    },
    supportingDocumentationSection(
      "Attach any documents that support this referral, such as notes of the allegation, a statement or the employer's records. Only share what is needed, in line with your organisation's data protection policies.",
    ),
    {
      id: "declaration",
      title: "Declaration & Submit",
      questions: [
        {
          id: "declarationAgreed",
          type: "declaration",
          label: "Declaration",
          statement:
            "The information I have given is accurate to the best of my knowledge. I understand it will be shared with the Local Authority Designated Officer, and may be shared with the police, Children's Social Care and the adult's employer to keep children safe.",
          isRequired: true,
        },
      ],
    },
  ],
};
