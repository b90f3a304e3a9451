/**
 * Parental Preference Form: during an EHC needs assessment the SEND team asks the family which
 * school or setting they would like named in the EHC plan, and why (Children and Families Act
 * 2014 s.38 and s.39: a parent or young person may ask for a particular school or college to be
 * named). Assigned by the team through Actions to Complete, never offered on the home page.
 *
 * Guide 004 shows its six steps: the form, its guidance over two pages, the preference with the
 * reasons, supporting documentation, and submit. The guidance wording is the SEND Code of
 * Practice's (9.78-9.84) in plain English; the questions are those councils' preference forms ask.
 */
import type { FormDefinition } from "../types";

export const parentalPreference: FormDefinition = {
  id: "parental-preference",
  version: 1,
  title: "Parental Preference Form",
  summary: "Tell the SEND team which school or setting you would like named in your child's EHC plan, and why.",
  service: "send",
  team: "send",
  audiences: ["parent", "young-person"],
  isAssignedOnly: true,
  sections: [
    {
      id: "about-the-form",
      title: "Parental Preference Form",
      description:
        "The SEND team is preparing an Education, Health and Care (EHC) plan for {names}. Use this form to tell us which school, college or other setting you would like named in the plan, and why. Read the guidance on the next two pages first. You can save the form and come back to it, and make a PDF of it at any time.",
      questions: [],
    },
    {
      id: "guidance",
      title: "Parental Preference Guidance",
      description:
        "You have the right to ask for a particular school, college or setting to be named in the EHC plan. This can be a mainstream or special school or college maintained by a local authority, an academy or free school, a non-maintained special school, or an independent school or college approved under section 41 of the Children and Families Act 2014. The local authority must name the place you ask for unless it would be unsuitable for your child's age, ability, aptitude or special educational needs, or it would not be compatible with the efficient education of others or the efficient use of resources.",
      questions: [],
    },
    {
      id: "guidance-continued",
      title: "Parental Guidance Continued",
      description:
        "Before you choose, we recommend you visit the schools or settings you are thinking about and talk to their special educational needs co-ordinator (SENCO). The local authority will consult the place you name and tell you what it says. If you would like a place that is not on the list above (for example an independent school that is not approved under section 41), you can still tell us; the local authority will consider it, but does not have to name it. If you need help, contact your SEND caseworker or your local SEND Information, Advice and Support Service.",
      questions: [],
    },
    {
      id: "preference",
      title: "Parental Preference Form",
      questions: [
        { id: "completedBy", type: "text", label: "Your full name", isRequired: true },
        {
          id: "relationship",
          type: "radios",
          label: "Your relationship to {names}",
          isRequired: true,
          choices: [
            { value: "parent", label: "Parent" },
            { value: "carer", label: "Carer or guardian" },
            { value: "young-person", label: "I am the young person" },
          ],
        },
        { id: "preferredSetting", type: "text", label: "The school or setting you would like named", isRequired: true, hint: "Its full name, and the town it is in" },
        {
          id: "settingType",
          type: "radios",
          label: "What kind of school or setting is it?",
          isRequired: true,
          choices: [
            { value: "mainstream", label: "Mainstream school or college" },
            { value: "resource-base", label: "Mainstream school with a specialist resource base" },
            { value: "special", label: "Special school" },
            { value: "independent", label: "Independent or non-maintained school or college" },
            { value: "early-years", label: "Early years setting or nursery" },
            { value: "not-sure", label: "I am not sure" },
          ],
        },
        { id: "visited", type: "yesNo", label: "Have you visited the school or setting?" },
        { id: "reasons", type: "longText", label: "Why would you like this school or setting?", isRequired: true, hint: "For example how it would meet your child's needs, its distance from home, or brothers and sisters who go there", maxLength: 5000 },
        { id: "secondPreference", type: "text", label: "A second choice, if you have one" },
        { id: "secondReasons", type: "longText", label: "Why the second choice?", hint: "Leave blank if you have no second choice", maxLength: 5000 },
      ],
    },
    {
      id: "supporting-documentation",
      title: "Supporting Documentation",
      description: "If you have letters or reports that support your preference (for example a letter from the school), attach them here. This is optional.",
      questions: [{ id: "supportingDocuments", type: "file", label: "Attach supporting documents", hint: "PDF, Word documents, JPG or PNG images, or text files. You can attach several files" }],
    },
    {
      id: "declaration",
      title: "Submit",
      questions: [
        {
          id: "declarationAgreed",
          type: "declaration",
          label: "Declaration",
          statement: "The information I have given is true to the best of my knowledge, and I understand it will be shared with the SEND team and the schools or settings they consult.",
          isRequired: true,
        },
      ],
    },
  ],
};
