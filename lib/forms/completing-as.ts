/**
 * "I am completing this form as a" (guide 001): asked on every form's start page, beside "Who is
 * this about?", and stored as the answer `completingAs`. Definitions may use it in conditions
 * (a section only professionals see) as if it were a question before their first section.
 */
import type { Audience, Question } from "./types";

export const COMPLETING_AS_QUESTION = {
  id: "completingAs",
  type: "radios",
  label: "I am completing this form as a",
  isRequired: true,
  choices: [
    { value: "young-person", label: "Child/Young Person or Adult Foster enquirer" },
    { value: "parent", label: "Parent/carer for my Child/ren" },
    { value: "professional", label: "Professional" },
  ],
} as const satisfies Question & { choices: { value: Audience; label: string }[] };
