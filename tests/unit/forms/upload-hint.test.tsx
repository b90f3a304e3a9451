/**
 * The upload field's hint as a reader meets it: the form's own words, then the field's
 * "Each file must be smaller than …" sentence, with one full stop between them.
 */
import { AppRouterContext, type AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { describe, expect, it } from "vitest";
import { FileField } from "@/app/(portal)/drafts/_engine/file-field";
import { allForms } from "@/lib/forms/catalogue";
import type { QuestionOfType } from "@/lib/forms/question-types";
import { render, textOfId } from "../components/markup";

const fileQuestions = allForms().flatMap((form) =>
  form.sections.flatMap((section) =>
    section.questions.filter((question): question is QuestionOfType<"file"> => question.type === "file").map((question) => [`${form.title}, ${section.title}`, question] as const),
  ),
);

// The field's progress bar asks for the router; rendering to HTML never navigates.
const router = {} as AppRouterInstance;

describe("the upload hint", () => {
  it("is found on some forms", () => expect(fileQuestions.length).toBeGreaterThan(3));

  it.each(fileQuestions)("reads as plain sentences on %s", (_, question) => {
    const hint = textOfId(render(
      <AppRouterContext.Provider value={router}>
        <FileField question={question} files={[]} maxFileMegabytes={10} />
      </AppRouterContext.Provider>,
    ), `${question.id}-hint`);
    expect(hint).toMatch(/You can attach several files\. Each file must be smaller than 10 MB\.$/);
    expect(hint).not.toMatch(/\.\s*\./);
  });
});
