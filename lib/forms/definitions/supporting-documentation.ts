/**
 * The Supporting Documentation section the professional forms share: guidance of the form's own,
 * then one file question. Only professionals see it (members of the public send documents to
 * the team if asked), and the upload route refuses anyone else's draft.
 */
import type { Section } from "../types";

export function supportingDocumentationSection(description: string, hint = "PDF, Word documents, JPG or PNG images, or text files. You can attach several files"): Section {
  return {
    id: "supporting-documentation",
    title: "Supporting Documentation",
    description,
    showIf: { question: "completingAs", equals: "professional" },
    questions: [{ id: "supportingDocuments", type: "file", label: "Attach supporting documents", hint }],
  };
}
