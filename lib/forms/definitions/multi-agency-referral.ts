/**
 * Multi Agency Referral Form: a professional's referral to Children's Social Care.
 *
 * Follows Worcestershire's Children Referral Portal guide (guide 001): the Social Care referral
 * ("Refer to Children's Social Care"), made by a professional as part of their job; "Who is
 * this about?" may hold one child or several (entered on the start page, before the first
 * section); the family's address is found by postcode ("Adding Service User's Addresses"), with
 * the children who live elsewhere said so; and the referral ends with submitting it to the local
 * authority. The name and the wider-family table follow Dudley's guide (guide 000, "Multi
 * Agency Referral Form"; per-person answers) and Hillingdon's (guide 003, 5.2 "Relationships
 * and the Wider Family Details", 5.8 services involved "None" or "Not known"). Where the guides
 * are silent (the reasons for referral, consent), the questions are those UK councils' MARFs ask.
 *
 * Attaching documents (guide 001, "Attaching Documents") is the shared Supporting Documentation
 * section (supporting-documentation.ts). The choice lists it shares with the other forms (gender,
 * ethnicity, relationships, yes/no/not known) are in choices.ts.
 */
import type { FormDefinition } from "../types";
import { ethnicityChoices, genderChoices, relationshipChoices, yesNoNotKnown } from "./choices";
import { supportingDocumentationSection } from "./supporting-documentation";

export const multiAgencyReferral: FormDefinition = {
  id: "multi-agency-referral",
  version: 1,
  title: "Multi Agency Referral Form",
  summary:
    "For professionals referring a child or young person to Children's Social Care because they are worried about the child's safety or wellbeing.",
  service: "social-care",
  team: "social-care",
  audiences: ["professional"],
  sections: [
    {
      id: "overview",
      title: "Overview",
      description:
        "Use this form to refer a child or young person to Children's Social Care as part of your job, when you are worried about their safety or wellbeing. If a child is in immediate danger, call 999. Urgent safeguarding concerns should be made by telephone first and then followed up with this form. Tell us about every child in the family the referral is about under \"Who is this about?\"; where the answer is different for each child, you can give a different answer for each of them. Talk to the family about the referral before you make it, unless doing so would put a child at risk of significant harm.",
      questions: [],
    },
    {
      id: "referrer-details",
      title: "Referrer's Details",
      questions: [
        { id: "referrerName", type: "text", label: "Your full name", isRequired: true },
        { id: "referrerRole", type: "text", label: "Your job title or role", isRequired: true },
        { id: "referrerOrganisation", type: "text", label: "Your organisation", isRequired: true },
        { id: "referrerEmail", type: "email", label: "Your work email address", isRequired: true, hint: "We will send feedback about your referral to this address" },
        { id: "referrerPhone", type: "phone", label: "Your telephone number", isRequired: true, hint: "So the team can call you about this referral" },
        {
          id: "referrerRelationship",
          type: "text",
          label: "Your relationship to {names}",
          hint: "For example class teacher, health visitor, GP or youth worker",
          isRequired: true,
          isPerPerson: true,
        },
      ],
    },
    {
      id: "child-details",
      title: "Child / Young Person's Details",
      questions: [
        {
          id: "dateOfBirth",
          type: "date",
          label: "Date of birth",
          hint: "For an unborn baby, enter the expected due date and say it is estimated",
          isRequired: true,
          isPerPerson: true,
          allowEstimated: true,
        },
        { id: "gender", type: "radios", label: "Gender", isRequired: true, isPerPerson: true, choices: genderChoices },
        { id: "ethnicity", type: "select", label: "Ethnicity", isPerPerson: true, choices: ethnicityChoices },
        { id: "firstLanguage", type: "text", label: "First language", hint: "If not English", isPerPerson: true },
        { id: "nhsNumber", type: "nhsNumber", label: "NHS number", hint: "If you know it", isPerPerson: true },
        { id: "gpPractice", type: "text", label: "GP practice", hint: "If you know it", isPerPerson: true },
        { id: "school", type: "text", label: "School, nursery or college", hint: "Leave blank if they do not attend one", isPerPerson: true },
        { id: "upn", type: "upn", label: "Unique Pupil Number (UPN)", hint: "If you know it", isPerPerson: true },
        { id: "hasDisability", type: "yesNo", label: "Does {names} have a disability or special educational needs?", isPerPerson: true },
        {
          id: "disabilityDetails",
          type: "longText",
          label: "The disability or special educational needs, and any support in place",
          isPerPerson: true,
          showIf: { question: "hasDisability", equals: "yes" },
        },
      ],
    },
    {
      id: "family-household",
      title: "Family and Household",
      description:
        "Tell us about the child's parents and carers, brothers and sisters, anyone else who lives in the household, and the wider family who are important to the child.",
      questions: [
        {
          id: "familyMembers",
          type: "table",
          label: "Relationships and wider family",
          hint: "Add a row for each person. Their relationship is to the child or children this referral is about.",
          itemName: "family member",
          isRequired: true,
          maxRows: 20,
          columns: [
            { id: "name", label: "Full name", type: "text", isRequired: true },
            { id: "relationship", label: "Relationship to the child", type: "select", isRequired: true, choices: relationshipChoices },
            { id: "dateOfBirth", label: "Date of birth or age", type: "text" },
            { id: "livesWithChild", label: "Lives with the child", type: "select", choices: yesNoNotKnown },
            { id: "parentalResponsibility", label: "Has parental responsibility", type: "select", choices: yesNoNotKnown },
            { id: "contactNumber", label: "Phone number", type: "text" },
          ],
        },
        { id: "homeLanguage", type: "text", label: "Main language spoken at home" },
        { id: "interpreterNeeded", type: "yesNo", label: "Does the family need an interpreter?" },
        { id: "safeToContact", type: "radios", label: "Is it safe to contact the parents or carers?", isRequired: true, choices: yesNoNotKnown },
        {
          id: "visitingRisks",
          type: "longText",
          label: "Any risks to workers visiting the home",
          hint: "For example aggressive behaviour, dogs or weapons in the home",
        },
      ],
    },
    {
      id: "address",
      title: "Address",
      questions: [
        { id: "homeAddress", type: "address", label: "The child's home address", isRequired: true },
        { id: "livesAtAddress", type: "yesNo", label: "Does {names} live at this address?", isRequired: true, isPerPerson: true },
        {
          id: "otherAddresses",
          type: "longText",
          label: "Other addresses",
          hint: "For each child who does not live at the address above, give their address and who they live with",
          isRequired: true,
          showIf: { question: "livesAtAddress", equals: "no" },
        },
      ],
    },
    {
      id: "reasons-for-referral",
      title: "Reasons for Referral",
      questions: [
        {
          id: "referralReasons",
          type: "checkboxes",
          label: "What you are worried about",
          hint: "Select all that apply",
          isRequired: true,
          isPerPerson: true,
          choices: [
            { value: "physicalAbuse", label: "Physical abuse" },
            { value: "sexualAbuse", label: "Sexual abuse" },
            { value: "emotionalAbuse", label: "Emotional abuse" },
            { value: "neglect", label: "Neglect" },
            { value: "domesticAbuse", label: "Domestic abuse" },
            { value: "exploitation", label: "Exploitation (criminal or sexual)" },
            { value: "missing", label: "Going missing from home or care" },
            { value: "childMentalHealth", label: "The child's mental health or self-harm" },
            { value: "parentMentalHealth", label: "A parent or carer's mental health" },
            { value: "substanceMisuse", label: "Drug or alcohol misuse" },
            { value: "disability", label: "The child's disability or complex health needs" },
            { value: "housing", label: "Housing or homelessness" },
            { value: "radicalisation", label: "Radicalisation or extremism" },
            { value: "other", label: "Something else" },
          ],
        },
        {
          id: "concernDetails",
          type: "longText",
          label: "Your concerns",
          hint: "What has happened, when, what you have seen, and what the child has said",
          isRequired: true,
          isPerPerson: true,
        },
        { id: "immediateRisk", type: "yesNo", label: "Is any child at risk of significant harm today?", isRequired: true },
        {
          id: "immediateRiskDetails",
          type: "longText",
          label: "What you have done to keep the child safe today",
          hint: "If a child is in immediate danger, call 999 before you finish this form",
          isRequired: true,
          showIf: { question: "immediateRisk", equals: "yes" },
        },
        {
          id: "childViews",
          type: "longText",
          label: "What {names} has said about what is happening",
          hint: "Their wishes and feelings, in their own words if you can",
          isPerPerson: true,
        },
        { id: "parentViews", type: "longText", label: "What the parents or carers think about what is happening" },
        { id: "familyStrengths", type: "longText", label: "What is going well for the family", hint: "Strengths, and people who support the family" },
        { id: "actionTaken", type: "longText", label: "What you or your service have already done to help" },
        { id: "hopedOutcome", type: "longText", label: "What you would like to happen as a result of this referral" },
      ],
    },
    {
      id: "services-involved",
      title: "Services Currently Involved",
      questions: [
        {
          id: "servicesInvolved",
          type: "table",
          label: "Services currently involved with the family",
          hint: "For example a school, health visitor, GP, police, housing or a mental health service",
          itemName: "service",
          isRequired: true,
          allowNoneOrUnknown: true,
          maxRows: 15,
          columns: [
            { id: "service", label: "Service", type: "text", isRequired: true },
            { id: "contactName", label: "Contact name", type: "text" },
            { id: "phone", label: "Phone number", type: "text" },
          ],
        },
      ],
    },
    {
      id: "consent",
      title: "Consent",
      description:
        "You should talk to the parents or carers and get their agreement before you make a referral, unless doing so would put a child at risk of significant harm. Where a child may be at risk of significant harm, we can act without consent.",
      questions: [
        {
          id: "consentGiven",
          type: "radios",
          label: "Has the parent or carer agreed to this referral?",
          isRequired: true,
          choices: [
            { value: "yes", label: "Yes" },
            { value: "no", label: "No, they have not agreed" },
            { value: "notSought", label: "Consent has not been sought because it would put a child at greater risk" },
          ],
        },
        {
          id: "consentGivenBy",
          type: "text",
          label: "Who gave consent",
          hint: "Their name and relationship to the child",
          isRequired: true,
          showIf: { question: "consentGiven", equals: "yes" },
        },
        {
          id: "consentReason",
          type: "longText",
          label: "Why consent has not been given or sought",
          isRequired: true,
          showIf: { any: [{ question: "consentGiven", equals: "no" }, { question: "consentGiven", equals: "notSought" }] },
        },
        {
          id: "childAware",
          type: "radios",
          label: "Does {names} know about this referral?",
          isPerPerson: true,
          choices: [...yesNoNotKnown, { value: "tooYoung", label: "Too young to understand" }],
        },
      ],
    },
    supportingDocumentationSection(
      "Attach any documents that support this referral, such as a chronology, an assessment or a report. Only share what is needed, in line with your organisation's data protection policies.",
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
            "The information I have given is true and complete to the best of my knowledge. I understand it will be shared with Children's Social Care, and with other agencies where that is needed to keep a child safe.",
          isRequired: true,
        },
      ],
    },
  ],
};
