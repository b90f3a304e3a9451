/**
 * External Early Help Assessment: the one form a professional completes for every kind of early
 * help referral (Hillingdon's Stronger Families portal guide, guide 003, section 1: SEND,
 * Portage, Early Health Notifications, Stronger Families, Social Care, attendance issues,
 * children missing from education and targeted programmes).
 *
 * After the Overview (guide 003, section 3: the "How does this tool work" page), the sections
 * are guide 003's eleven, in its order (section 5):
 *   5.1 Referrer and Child Details            5.7 SEND Information (only when SEND is requested)
 *   5.2 Relationships and the Wider Family     5.8 Services (current, and previous with None/Not known)
 *       Details                                5.9 The Child and their Family's Assessment
 *   5.3 Request for Support                    5.10 Upload Documents: "Supporting Documentation"
 *   5.4 Consent                                     (professionals only, as guide 003 is for them)
 *   5.5 Additional Details                     5.11 Submit Referral: "Declaration & Submit"
 *   5.6 Participation Team (only when the Participation Team is requested)
 *
 * The guide records only the youngest child's name at the start; this portal's "Who is this
 * about?" takes every child, and the questions about a child are asked per person. Referrals
 * for Education Statutory Fines stay outside the portal (guide 003, section 1: via LEAP).
 */
import type { FormDefinition } from "../types";
import { supportingDocumentationSection } from "./supporting-documentation";
import { ethnicityChoices, genderChoices, relationshipChoices, yesNoNotKnown } from "./choices";

export const earlyHelpAssessment: FormDefinition = {
  id: "early-help-assessment",
  version: 1,
  title: "External Early Help Assessment",
  summary:
    "For professionals referring a family for early help, including SEND, Portage, attendance, children missing from education and Early Health Notifications, in one assessment.",
  service: "early-help",
  team: "early-help",
  audiences: ["professional"],
  sections: [
    {
      id: "overview",
      title: "Overview",
      description:
        "There is one form for every kind of early help referral: SEND, Portage, Early Health Notifications (health professionals only), early help and prevention, social care, attendance issues, children missing from education and targeted programmes (adolescent development services). If a child is in immediate danger, call 999. Work through the sections in order: questions are required unless they say they are optional, and some sections appear only when you ask for a particular service. Consent must be sought from the parents or carers before you make the referral. You can save the form and come back to it later. Referrals for Education Statutory Fines are not made through this form.",
      questions: [],
    },
    {
      id: "referrer-child-details",
      title: "Referrer and Child Details",
      description: "Your details as the person making contact, then the child or children the assessment is about.",
      questions: [
        { id: "referrerName", type: "text", label: "Your full name", isRequired: true },
        { id: "referrerEmail", type: "email", label: "Your work email address", isRequired: true },
        {
          id: "referrerPhone",
          type: "phone",
          label: "A telephone number we can contact you on",
          hint: "So the team can contact you if they need to",
          isRequired: true,
        },
        { id: "referrerRole", type: "text", label: "Your job title or role", isRequired: true },
        { id: "referrerOrganisation", type: "text", label: "Your organisation", isRequired: true },
        {
          id: "referrerRelationship",
          type: "text",
          label: "Your relationship to {names}",
          hint: "For example class teacher, school nurse or health visitor",
          isRequired: true,
          isPerPerson: true,
        },
        { id: "dateOfBirth", type: "date", label: "Date of birth", isRequired: true, isPerPerson: true, allowEstimated: true, mustBePast: true },
        { id: "gender", type: "radios", label: "Gender", isRequired: true, isPerPerson: true, choices: genderChoices },
        { id: "ethnicity", type: "select", label: "Ethnicity", isRequired: true, isPerPerson: true, choices: ethnicityChoices },
        { id: "childEmail", type: "email", label: "Email address for {names}", hint: "If known", isPerPerson: true },
        { id: "childPhone", type: "phone", label: "Telephone number for {names}", hint: "If known", isPerPerson: true },
        { id: "nhsNumber", type: "nhsNumber", label: "NHS number", hint: "If known", isPerPerson: true },
        { id: "homeAddress", type: "address", label: "Home address", isRequired: true },
      ],
    },
    {
      id: "relationships",
      title: "Relationships and the Wider Family Details",
      description: "Record the family's relationships: parents and carers, brothers and sisters, others in the household and the wider family.",
      questions: [
        {
          id: "familyMembers",
          type: "table",
          label: "Relationships and wider family",
          hint: "Add a row for each person. Their relationship is to the child or children this assessment is about.",
          itemName: "family member",
          isRequired: true,
          maxRows: 20,
          columns: [
            { id: "name", label: "Full name", type: "text", isRequired: true },
            { id: "relationship", label: "Relationship to the child", type: "select", isRequired: true, choices: relationshipChoices },
            { id: "dateOfBirth", label: "Date of birth or age", type: "text" },
            { id: "livesWithChild", label: "Lives with the child", type: "select", choices: yesNoNotKnown },
            { id: "parentalResponsibility", label: "Has parental responsibility", type: "select", choices: yesNoNotKnown },
          ],
        },
      ],
    },
    {
      id: "request-for-support",
      title: "Request for Support",
      questions: [
        {
          id: "supportRequested",
          type: "checkboxes",
          label: "Which services you would like to refer to",
          hint: "Select all that apply. If you do not need any of these specific services, or you are not sure, leave this blank and continue.",
          choices: [
            { value: "strongerFamilies", label: "Early help and prevention (family support)" },
            { value: "socialCare", label: "Social Care" },
            {
              value: "participation",
              label: "Participation Team",
              hint: "For a child's attendance at school, or a child missing from education",
            },
            { value: "send", label: "Special Educational Needs or Disabilities Services (SEND) / SEND Advisory Service (SAS)" },
            {
              value: "earlyHealthNotification",
              label: "Notify us that a child may have long-term SEND, using the Statutory Early Health Notification (health professionals only)",
            },
            { value: "portage", label: "Portage", hint: "Home-visiting support for young children with additional needs" },
            { value: "targetedProgrammes", label: "Targeted Programmes (Adolescent Development Services)" },
          ],
        },
      ],
    },
    {
      id: "consent",
      title: "Consent",
      description:
        "Consent must be sought from the parents or carers before the referral is made. Where possible, get written consent from the family; verbal consent can be accepted for a limited time. Consent may not be possible or needed where informing the parents would place the child or family at risk of significant harm, or where the referral is for a child missing from education or with poor attendance at school.",
      questions: [
        {
          id: "consentObtained",
          type: "radios",
          label: "Has the parent or carer given consent to this referral?",
          isRequired: true,
          choices: [
            { value: "written", label: "Yes, written consent", hint: "We will need a copy: see Supporting Documentation" },
            { value: "verbal", label: "Yes, verbal consent" },
            { value: "no", label: "No" },
          ],
        },
        {
          id: "consentGivenBy",
          type: "text",
          label: "Who gave consent",
          hint: "Their name and relationship to the child",
          isRequired: true,
          showIf: { any: [{ question: "consentObtained", equals: "written" }, { question: "consentObtained", equals: "verbal" }] },
        },
        {
          id: "consentDate",
          type: "date",
          label: "Date consent was given",
          isRequired: true,
          mustBePast: true,
          showIf: { any: [{ question: "consentObtained", equals: "written" }, { question: "consentObtained", equals: "verbal" }] },
        },
        {
          id: "noConsentReason",
          type: "radios",
          label: "Why consent has not been given",
          isRequired: true,
          showIf: { question: "consentObtained", equals: "no" },
          choices: [
            { value: "riskOfHarm", label: "Informing the parents would place the child or family at risk of significant harm" },
            { value: "attendance", label: "The referral is for a child missing from education or with poor attendance at school" },
            { value: "refused", label: "The parent or carer has refused" },
            { value: "other", label: "Another reason" },
          ],
        },
        {
          id: "noConsentDetails",
          type: "longText",
          label: "More about why consent has not been given",
          showIf: { question: "consentObtained", equals: "no" },
        },
        {
          id: "childConsent",
          type: "radios",
          label: "Has {names} agreed to this referral?",
          hint: "If they are old enough to understand",
          isPerPerson: true,
          choices: [
            { value: "yes", label: "Yes" },
            { value: "no", label: "No" },
            { value: "notAsked", label: "Not asked" },
            { value: "tooYoung", label: "Too young to understand" },
          ],
        },
      ],
    },
    {
      id: "additional-details",
      title: "Additional Details",
      questions: [
        { id: "upn", type: "upn", label: "Unique Pupil Number (UPN)", hint: "If known", isPerPerson: true },
        { id: "educationSetting", type: "text", label: "Current education setting", hint: "Where appropriate: school, nursery or college", isPerPerson: true },
        { id: "schoolStartDate", type: "date", label: "School start date", hint: "Where appropriate: when they started at this setting", isPerPerson: true },
        { id: "hasDisability", type: "yesNo", label: "Does {names} have any disabilities or special needs?", isRequired: true, isPerPerson: true },
        {
          id: "disabilityDetails",
          type: "longText",
          label: "The disabilities or special needs",
          isRequired: true,
          isPerPerson: true,
          showIf: { question: "hasDisability", equals: "yes" },
        },
        {
          id: "specialEducationalNeeds",
          type: "radios",
          label: "Special educational needs",
          isPerPerson: true,
          choices: [
            { value: "none", label: "None identified" },
            { value: "senSupport", label: "SEN support at their setting" },
            { value: "ehcpRequested", label: "An Education, Health and Care (EHC) needs assessment has been requested" },
            { value: "ehcp", label: "Has an Education, Health and Care Plan (EHCP)" },
            { value: "notKnown", label: "Not known" },
          ],
        },
      ],
    },
    {
      id: "participation-team",
      title: "Participation Team",
      showIf: { question: "supportRequested", includes: "participation" },
      questions: [
        {
          id: "participationSupport",
          type: "checkboxes",
          label: "The type of support required",
          hint: "Select all that apply",
          isRequired: true,
          choices: [
            { value: "attendance", label: "A child's attendance at school" },
            { value: "missingEducation", label: "A child missing from education" },
          ],
        },
        {
          id: "attendancePercentage",
          type: "text",
          label: "Attendance this school year",
          hint: "As a percentage, for example 84%",
          isRequired: true,
          isPerPerson: true,
          maxLength: 20,
          showIf: { question: "participationSupport", includes: "attendance" },
        },
        {
          id: "attendanceConcerns",
          type: "longText",
          label: "What is known about the reasons for poor attendance",
          isRequired: true,
          showIf: { question: "participationSupport", includes: "attendance" },
        },
        {
          id: "attendanceActions",
          type: "longText",
          label: "What the school has done to improve attendance",
          hint: "For example meetings with the family, an attendance plan or referrals to other services",
          isRequired: true,
          showIf: { question: "participationSupport", includes: "attendance" },
        },
        {
          id: "attendanceLettersSent",
          type: "yesNo",
          label: "Have attendance letters been sent to the family?",
          hint: "If they have, we will need copies: see Supporting Documentation at the end of the form",
          isRequired: true,
          showIf: { question: "participationSupport", includes: "attendance" },
        },
        {
          id: "lastEducationSetting",
          type: "text",
          label: "Last known school or education setting",
          isRequired: true,
          isPerPerson: true,
          showIf: { question: "participationSupport", includes: "missingEducation" },
        },
        {
          id: "dateLastAttended",
          type: "date",
          label: "Date last attended",
          isRequired: true,
          isPerPerson: true,
          allowEstimated: true,
          mustBePast: true,
          showIf: { question: "participationSupport", includes: "missingEducation" },
        },
        {
          id: "missingEducationReason",
          type: "longText",
          label: "Why you believe the child is missing from education",
          isRequired: true,
          showIf: { question: "participationSupport", includes: "missingEducation" },
        },
        {
          id: "missingEducationEnquiries",
          type: "longText",
          label: "Enquiries made so far to find the child",
          hint: "For example home visits, phone calls, and checks with other schools or the local authority the family may have moved to",
          isRequired: true,
          showIf: { question: "participationSupport", includes: "missingEducation" },
        },
      ],
    },
    {
      id: "send-information",
      title: "SEND Information",
      description: "Questions about special educational needs and disabilities. Not all questions in this section are required.",
      showIf: {
        any: [
          { question: "supportRequested", includes: "send" },
          { question: "supportRequested", includes: "earlyHealthNotification" },
        ],
      },
      questions: [
        {
          id: "sendNeedAreas",
          type: "checkboxes",
          label: "Areas of need",
          hint: "Select all that apply",
          isRequired: true,
          isPerPerson: true,
          choices: [
            { value: "communication", label: "Communication and interaction" },
            { value: "learning", label: "Cognition and learning" },
            { value: "semh", label: "Social, emotional and mental health" },
            { value: "sensoryPhysical", label: "Sensory and/or physical needs" },
            { value: "notKnown", label: "Not known yet" },
          ],
        },
        {
          id: "sendNeedsDescription",
          type: "longText",
          label: "The needs, and how they affect {names} day to day",
          isRequired: true,
          isPerPerson: true,
        },
        { id: "hasDiagnosis", type: "yesNo", label: "Does {names} have a diagnosis?", isPerPerson: true },
        {
          id: "diagnosisDetails",
          type: "longText",
          label: "The diagnosis, who made it and when",
          isPerPerson: true,
          showIf: { question: "hasDiagnosis", equals: "yes" },
        },
        {
          id: "sendProfessionals",
          type: "longText",
          label: "Professionals involved with these needs",
          hint: "For example speech and language therapy, an educational psychologist, a paediatrician or a health visitor",
        },
        { id: "sendSupportInPlace", type: "longText", label: "Support already in place at home or in the education setting" },
        {
          id: "parentsToldOfNotification",
          type: "yesNo",
          label: "Have the parents been told about this Early Health Notification?",
          hint: "You must tell the parents before notifying the local authority",
          isRequired: true,
          showIf: { question: "supportRequested", includes: "earlyHealthNotification" },
        },
      ],
    },
    {
      id: "services",
      title: "Services",
      questions: [
        {
          id: "currentServices",
          type: "table",
          label: "Services currently involved with the family",
          itemName: "service",
          isRequired: true,
          allowNoneOrUnknown: true,
          maxRows: 15,
          columns: [
            { id: "service", label: "Service", type: "text", isRequired: true },
            { id: "contactName", label: "Contact name", type: "text" },
            { id: "phone", label: "Phone number", type: "text" },
            { id: "email", label: "Email address", type: "text" },
          ],
        },
        {
          id: "previousServices",
          type: "table",
          label: "Services previously involved with the family",
          itemName: "service",
          isRequired: true,
          allowNoneOrUnknown: true,
          maxRows: 15,
          columns: [
            { id: "service", label: "Service", type: "text", isRequired: true },
            { id: "whenInvolved", label: "When they were involved", type: "text" },
            { id: "contactName", label: "Contact name", type: "text" },
          ],
        },
        { id: "gpPractice", type: "text", label: "GP practice", hint: "If known", isPerPerson: true },
      ],
    },
    {
      id: "assessment",
      title: "The Child and their Family's Assessment",
      description: "This is the main part of the assessment: the family's situation and the support they need. Complete every part in full.",
      questions: [
        { id: "whatIsHappening", type: "longText", label: "What is happening for this family", isRequired: true },
        { id: "circumstancesImpact", type: "longText", label: "What in the family's circumstances is currently impacting on them", isRequired: true },
        {
          id: "parentingCapacity",
          type: "longText",
          label: "The parent or carer's current capacity to meet the needs of the child or children",
          isRequired: true,
        },
        { id: "helpRequired", type: "longText", label: "What help and support is required at this time", isRequired: true },
        { id: "specificRisks", type: "longText", label: "Any specific risks to be considered", isRequired: true },
        {
          id: "childWishes",
          type: "longText",
          label: "The wishes and feelings of the child or young person and their siblings",
          isRequired: true,
        },
        {
          id: "parentViews",
          type: "longText",
          label: "The views of the parents or carers, including what should happen next",
          isRequired: true,
        },
        {
          id: "positiveChange",
          type: "longText",
          label: "How we will know when the family and universal services are able to meet the needs of the child",
          hint: "In other words, what positive change would you like to achieve?",
          isRequired: true,
        },
      ],
    },
    supportingDocumentationSection(
      "Attach the documents that support this assessment: the family's written consent; attendance letters sent to the family; information about a child missing from education; and any relevant reports or plans, such as health, SEND or school reports. When you share documents containing sensitive or third-party information, make sure this complies with your organisation's data sharing agreements and data protection policies (UK GDPR). If you send a document in error, contact the team straight away so it can be removed.",
      "PDF, Word documents, JPG or PNG images, or text files. Spreadsheets cannot be attached. You can attach several files",
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
            "The information in this assessment is accurate to the best of my knowledge, consent has been sought as I have described, and sharing it complies with my organisation's data sharing agreements and data protection policies.",
          isRequired: true,
        },
      ],
    },
  ],
};
