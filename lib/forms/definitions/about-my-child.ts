/**
 * "About my child": the parent's or carer's contribution to an EHC needs assessment (SEND
 * Regulations 2014, reg. 6(1)(a): the local authority must seek the advice and information of
 * the child's parent). Assigned by the SEND team through Actions to Complete; never on the home
 * page. The sections follow the one-page-profile headings councils use: what people like and
 * admire about the child, what is important to them, how best to support them, their history,
 * and hopes for the future.
 */
import type { FormDefinition } from "../types";

export const aboutMyChild: FormDefinition = {
  id: "about-my-child",
  version: 1,
  title: "About my child: your contribution to the EHC needs assessment",
  summary: "Tell the SEND team about your child in your own words, for their EHC needs assessment.",
  service: "send",
  team: "send",
  audiences: ["parent", "young-person"],
  isAssignedOnly: true,
  sections: [
    {
      id: "introduction",
      title: "About this form",
      description:
        "Your views are an important part of the Education, Health and Care (EHC) needs assessment for {names}. Write as much or as little as you like, in your own words. You can save the form and come back to it, and make a PDF of it at any time. If you would like help to complete it, contact your SEND caseworker.",
      questions: [],
    },
    {
      id: "like-and-admire",
      title: "What people like and admire about {names}",
      questions: [{ id: "likeAndAdmire", type: "longText", label: "What do people like and admire about {names}?", isRequired: true, hint: "Their strengths, talents and personality", maxLength: 5000 }],
    },
    {
      id: "important",
      title: "What is important to {names}",
      questions: [
        { id: "importantNow", type: "longText", label: "What is important to {names} now?", isRequired: true, hint: "People, places, interests and routines that matter to them", maxLength: 5000 },
        { id: "childsOwnViews", type: "longText", label: "What does {names} say about school, their needs and the help they get?", hint: "In their own words, if you can", maxLength: 5000 },
      ],
    },
    {
      id: "support",
      title: "How best to support {names}",
      questions: [
        { id: "bestSupport", type: "longText", label: "How can people best support {names}?", isRequired: true, hint: "What helps, what does not help, and how they communicate", maxLength: 5000 },
        { id: "healthAndCare", type: "longText", label: "Is there anything about their health or care needs we should know?", maxLength: 5000 },
      ],
    },
    {
      id: "history",
      title: "History",
      questions: [{ id: "history", type: "longText", label: "Tell us about {names}'s history", isRequired: true, hint: "Early years, schools or settings, diagnoses, and the services that have been involved", maxLength: 5000 }],
    },
    {
      id: "future",
      title: "Hopes for the future",
      questions: [{ id: "hopes", type: "longText", label: "What are your hopes and aspirations for {names}?", isRequired: true, hint: "For the next year, and for when they are an adult", maxLength: 5000 }],
    },
    {
      id: "declaration",
      title: "Submit",
      questions: [
        {
          id: "declarationAgreed",
          type: "declaration",
          label: "Declaration",
          statement: "The information I have given is true to the best of my knowledge, and I understand it will be shared with the SEND team and the professionals who contribute to the assessment.",
          isRequired: true,
        },
      ],
    },
  ],
};
