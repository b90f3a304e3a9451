/**
 * Early Help Family Support request: parents, carers and young people asking for help
 * themselves, in plain and friendly words.
 *
 * Follows Worcestershire's guide (guide 001): "Children, young people and families" (we work
 * with parents, carers and young people together, offer advice and support before a situation
 * reaches crisis point, and may refer to education, health, housing, benefits agencies and the
 * police); the "Early Help Family Support" button; and "I am completing this form as a", where
 * a young person refers themselves and a parent or carer refers their children (or a young
 * person their brothers and sisters). The start page's answer (`completingAs`) changes the
 * questions about you where a parent and a young person are asked different things. Address
 * by postcode ("Adding Service User's Addresses"). Where the guide is silent (what help you
 * would like, what is going well, consent), the questions are those councils' early help
 * request forms ask.
 *
 * Only professionals can attach documents (guide 001), so this form has none.
 */
import type { FormDefinition } from "../types";
import { ethnicityChoices } from "./choices";

export const earlyHelpFamilySupport: FormDefinition = {
  id: "early-help-family-support",
  version: 1,
  title: "Early Help Family Support request",
  summary: "For parents, carers and young people who would like some help for themselves or their family.",
  service: "early-help",
  team: "early-help",
  audiences: ["parent", "young-person"],
  sections: [
    {
      id: "overview",
      title: "Overview",
      description:
        "Use this form to ask our Early Help Family Support team for help. We work with parents, carers and young people together, and we try to offer advice and support before things reach crisis point. We may also put you in touch with other services that can help, such as education, health, housing, benefits advice and the police. You can save the form and come back to it later. If anyone is in danger right now, call 999. If you are a young person and want to talk to someone now, you can call Childline free on 0800 1111.",
      questions: [],
    },
    {
      id: "about-you",
      title: "About You",
      questions: [
        { id: "yourName", type: "text", label: "Your full name", isRequired: true },
        {
          id: "relationshipToChildren",
          type: "select",
          label: "Your relationship to the child or children",
          isRequired: true,
          showIf: { question: "completingAs", equals: "parent" },
          choices: [
            { value: "mother", label: "Mother" },
            { value: "father", label: "Father" },
            { value: "stepParent", label: "Step-parent" },
            { value: "grandparent", label: "Grandparent" },
            { value: "sibling", label: "Brother or sister" },
            { value: "otherRelative", label: "Another relative" },
            { value: "kinshipCarer", label: "Special guardian or kinship carer" },
            { value: "fosterCarer", label: "Foster carer" },
            { value: "other", label: "Something else" },
          ],
        },
        {
          id: "parentKnows",
          type: "radios",
          label: "Does your parent or carer know you are asking for help?",
          hint: "It is fine if they do not.",
          isRequired: true,
          showIf: { question: "completingAs", equals: "young-person" },
          choices: [
            { value: "yes", label: "Yes" },
            { value: "no", label: "No" },
            { value: "notSure", label: "I'm not sure" },
          ],
        },
        {
          id: "parentCarerName",
          type: "text",
          label: "Your parent or carer's name",
          hint: "Only if you are happy to tell us",
          showIf: { question: "completingAs", equals: "young-person" },
        },
        { id: "yourPhone", type: "phone", label: "Your phone number", hint: "We will use it to talk to you about the help you would like", isRequired: true },
        { id: "canLeaveMessage", type: "yesNo", label: "Is it OK for us to leave a message or send a text to this number?", isRequired: true },
        { id: "yourEmail", type: "email", label: "Your email address", hint: "If you would like us to email you" },
        { id: "bestTimeToCall", type: "text", label: "The best time to call you", hint: "For example weekday mornings, or after 4pm" },
        { id: "homeAddress", type: "address", label: "Your address", isRequired: true },
        { id: "homeLanguage", type: "text", label: "The main language spoken at home" },
        { id: "interpreterNeeded", type: "yesNo", label: "Would you like an interpreter?" },
      ],
    },
    {
      id: "about-the-children",
      title: "About the Child/ren",
      description:
        "About each child or young person you added at the start. If an answer is different for each of them, you can give a different answer for each person.",
      questions: [
        { id: "dateOfBirth", type: "date", label: "Date of birth", isRequired: true, isPerPerson: true, allowEstimated: true, mustBePast: true },
        {
          id: "gender",
          type: "radios",
          label: "Gender",
          isPerPerson: true,
          choices: [
            { value: "female", label: "Female" },
            { value: "male", label: "Male" },
            { value: "other", label: "Another gender" },
            { value: "preferNotToSay", label: "Prefer not to say" },
          ],
        },
        {
          id: "ethnicity",
          type: "select",
          label: "Ethnicity",
          hint: "This helps us make sure our services are fair to everyone",
          isPerPerson: true,
          choices: [...ethnicityChoices.filter((choice) => choice.value !== "notKnown"), { value: "preferNotToSay", label: "Prefer not to say" }],
        },
        { id: "school", type: "text", label: "School, college or nursery", hint: "Leave blank if they do not go to one", isPerPerson: true },
        { id: "hasAdditionalNeeds", type: "yesNo", label: "Does {names} have any special educational needs or a disability?", isPerPerson: true },
        {
          id: "additionalNeedsDetails",
          type: "longText",
          label: "Their needs, and any support they get",
          isPerPerson: true,
          showIf: { question: "hasAdditionalNeeds", equals: "yes" },
        },
        {
          id: "householdMembers",
          type: "table",
          label: "Who else lives at home",
          hint: "Everyone else who lives in the home, including adults",
          itemName: "person",
          maxRows: 15,
          columns: [
            { id: "name", label: "Name", type: "text", isRequired: true },
            { id: "relationship", label: "How they are related to you", type: "text" },
            { id: "age", label: "Age", type: "text" },
          ],
        },
      ],
    },
    {
      id: "help-you-would-like",
      title: "What Help You Would Like",
      description: "If anyone is in danger right now, call 999.",
      questions: [
        {
          id: "helpWanted",
          type: "checkboxes",
          label: "What you would like help with",
          hint: "Select all that apply",
          isRequired: true,
          choices: [
            { value: "parenting", label: "Parenting, routines and boundaries" },
            { value: "behaviour", label: "Behaviour at home" },
            { value: "relationships", label: "Family relationships and arguments" },
            { value: "school", label: "School, attendance or learning" },
            { value: "feelings", label: "Feelings, worries or mental health" },
            { value: "send", label: "Special educational needs or disability" },
            { value: "health", label: "Physical health" },
            { value: "money", label: "Money, debt or benefits" },
            { value: "housing", label: "Housing" },
            { value: "domesticAbuse", label: "Domestic abuse" },
            { value: "drugsAlcohol", label: "Drugs or alcohol" },
            { value: "youngCarer", label: "Being a young carer" },
            { value: "bereavement", label: "Loss or bereavement" },
            { value: "other", label: "Something else" },
          ],
        },
        {
          id: "helpDetails",
          type: "longText",
          label: "What is happening, and how we could help",
          hint: "In your own words. Tell us as much or as little as you like.",
          isRequired: true,
        },
        {
          id: "helpBefore",
          type: "longText",
          label: "Help you have had before, or are getting now",
          hint: "For example from a school, GP, health visitor or youth worker",
        },
      ],
    },
    {
      id: "going-well",
      title: "What Is Going Well",
      questions: [
        {
          id: "goingWell",
          type: "longText",
          label: "What is going well at the moment",
          hint: "Anything at all, big or small: things you enjoy, things you are proud of or things that help",
        },
        { id: "childStrengths", type: "longText", label: "What {names} enjoys or is good at", isPerPerson: true },
        { id: "supportNetwork", type: "longText", label: "People who help and support you", hint: "For example family, friends or neighbours" },
      ],
    },
    {
      id: "consent",
      title: "Consent",
      description:
        "We will keep what you tell us safe and use it to find the right help. If we are worried that someone is at risk of serious harm, we may need to share information without asking you first, to keep them safe.",
      questions: [
        {
          id: "consentToShare",
          type: "yesNo",
          label: "Are you happy for us to talk to people who work with your family, such as a school, nursery or GP, to find the right help?",
          isRequired: true,
        },
        {
          id: "doNotContact",
          type: "longText",
          label: "Anyone you would rather we did not contact",
          hint: "And why, if you would like to tell us",
        },
      ],
    },
    {
      id: "declaration",
      title: "Declaration & Submit",
      questions: [
        {
          id: "declarationAgreed",
          type: "declaration",
          label: "Declaration",
          statement:
            "The information I have given is true to the best of my knowledge. I understand the Early Help team will use it to find the right support, and may share it with other services if someone is at risk of harm.",
          isRequired: true,
        },
      ],
    },
  ],
};
