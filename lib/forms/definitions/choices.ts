/**
 * Choice lists that several forms ask with the same values and words, defined once. Stored
 * answers hold the values, so a list is shared only where every form means the same by each
 * value; a list that differs in one value or label (the Safeguarding Concern's "unknown", a form's
 * own wording) stays in its form.
 */
import type { Choice } from "../types";

export const yesNoNotKnown: Choice[] = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
  { value: "notKnown", label: "Not known" },
];

export const genderChoices: Choice[] = [
  { value: "female", label: "Female" },
  { value: "male", label: "Male" },
  { value: "other", label: "Another gender" },
  { value: "notKnown", label: "Not known" },
];

/** The ethnic groups of the 2021 Census for England and Wales, as schools and councils record them. */
export const ethnicityChoices: Choice[] = [
  { value: "asianIndian", label: "Asian or Asian British: Indian" },
  { value: "asianPakistani", label: "Asian or Asian British: Pakistani" },
  { value: "asianBangladeshi", label: "Asian or Asian British: Bangladeshi" },
  { value: "asianChinese", label: "Asian or Asian British: Chinese" },
  { value: "asianOther", label: "Asian or Asian British: any other Asian background" },
  { value: "blackCaribbean", label: "Black, Black British, Caribbean or African: Caribbean" },
  { value: "blackAfrican", label: "Black, Black British, Caribbean or African: African" },
  { value: "blackOther", label: "Black, Black British, Caribbean or African: any other Black, Black British or Caribbean background" },
  { value: "mixedWhiteBlackCaribbean", label: "Mixed or multiple ethnic groups: White and Black Caribbean" },
  { value: "mixedWhiteBlackAfrican", label: "Mixed or multiple ethnic groups: White and Black African" },
  { value: "mixedWhiteAsian", label: "Mixed or multiple ethnic groups: White and Asian" },
  { value: "mixedOther", label: "Mixed or multiple ethnic groups: any other Mixed or multiple ethnic background" },
  { value: "whiteBritish", label: "White: English, Welsh, Scottish, Northern Irish or British" },
  { value: "whiteIrish", label: "White: Irish" },
  { value: "whiteGypsyTraveller", label: "White: Gypsy or Irish Traveller" },
  { value: "whiteRoma", label: "White: Roma" },
  { value: "whiteOther", label: "White: any other White background" },
  { value: "otherArab", label: "Other ethnic group: Arab" },
  { value: "otherAny", label: "Other ethnic group: any other ethnic group" },
  { value: "notKnown", label: "Not known" },
];

/** A family member's relationship to the child or children the form is about. */
export const relationshipChoices: Choice[] = [
  { value: "mother", label: "Mother" },
  { value: "father", label: "Father" },
  { value: "stepParent", label: "Step-parent" },
  { value: "parentsPartner", label: "Parent's partner" },
  { value: "carer", label: "Carer or guardian" },
  { value: "sibling", label: "Brother or sister" },
  { value: "halfSibling", label: "Half-brother or half-sister" },
  { value: "stepSibling", label: "Step-brother or step-sister" },
  { value: "grandparent", label: "Grandparent" },
  { value: "auntUncle", label: "Aunt or uncle" },
  { value: "cousin", label: "Cousin" },
  { value: "otherRelative", label: "Other relative" },
  { value: "familyFriend", label: "Family friend" },
  { value: "other", label: "Other" },
];
