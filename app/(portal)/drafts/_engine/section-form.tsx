"use client";

/**
 * A section of a form. Every button posts the whole page to saveSectionAction, so it all works
 * without JavaScript. With JavaScript it also saves as the user types (a few seconds after they
 * stop), shows or hides questions that depend on an answer on the same page, and never lets a
 * button's post race an autosave (the button waits for it). A failed autosave or upload is said
 * on the page: nothing fails silently.
 */
import { useActionState, useEffect, useMemo, useRef, useState, type FormEvent, type RefObject } from "react";
import { Button } from "@/components/button";
import { ErrorSummary } from "@/components/error-summary";
import { NotificationBanner } from "@/components/notification-banner";
import { isConditionMet } from "@/lib/forms/conditions";
import { fieldGroups, liveFieldValue, typedValue } from "@/lib/forms/page-fields";
import type { DrawnQuestion, QuestionView } from "@/lib/forms/section-form";
import type { Answers, Person } from "@/lib/forms/types";
import { autosaveSectionAction, saveSectionAction } from "./actions";
import { formReader } from "./form-reader";
import { formFields } from "@/lib/posted-fields";
import { FileForms } from "./file-field";
import { UploadFailureContext, type UploadFailure } from "./upload-failure";
import { QuestionField, firstFieldId, type FilesOnPage } from "./question-field";
import type { SectionFormState, SectionOnPage } from "./section-state";

const AUTOSAVE_AFTER_MS = 2500;
export const AUTOSAVE_FAILED_MESSAGE = "Your last changes were not saved. Check your connection.";
export const SECTION_FORM_ID = "section-form";

type Props = {
  /** What the page needs of its section: its questions to draw, worked out on the server. */
  section: SectionOnPage;
  draftId: string;
  people: Person[];
  initial: SectionFormState;
  hasPrevious: boolean;
  /** The next step is Check your answers. */
  isLast: boolean;
  /** Declaration & Submit: the main button sends the form. */
  isFinal: boolean;
  files: FilesOnPage;
  /** A message from the last upload or removal ("report.pdf has been uploaded"). */
  fileNotice?: string;
};

export function SectionForm({ section, draftId, people, initial, hasPrevious, isLast, isFinal, files, fileNotice }: Props) {
  const [state, formAction, isPending] = useActionState(saveSectionAction, initial);
  const sectionId = section.id;
  const views = useMemo(() => section.questions.map((drawn) => pageView(drawn, people, state.answers)), [section.questions, people, state.answers]);
  const form = useRef<HTMLFormElement>(null);
  const [revision, setRevision] = useState(state.revision);
  const [isStale, setStale] = useState(state.isStale);
  const [liveAnswers, setLiveAnswers] = useState<Answers | null>(null);
  const autosave = useAutosave(form, setRevision, setStale);
  const confirm = useRef<HTMLDialogElement>(null);
  const [uploadFailureMessage, reportUploadFailure] = useState<string | null>(null);
  const uploadFailure = useMemo<UploadFailure>(() => ({ message: uploadFailureMessage, report: reportUploadFailure }), [uploadFailureMessage]);
  const fileError = uploadFailureMessage ?? files.error;

  // A new answer from the server resets what autosave learned meanwhile.
  const [shownState, setShownState] = useState(state);
  if (shownState !== state) {
    setShownState(state);
    setRevision(state.revision);
    setStale(state.isStale);
  }

  // Once JavaScript runs, questions that depend on an answer on this page follow it live.
  const readLive = () => {
    if (!form.current || section.liveFields.length === 0) return;
    const reader = formReader(formFields(new FormData(form.current)));
    const answers: Answers = { ...state.answers };
    for (const field of section.liveFields) {
      const value = typedValue(liveFieldValue(field, reader));
      if (value === undefined) delete answers[field.id];
      else answers[field.id] = value;
    }
    setLiveAnswers(answers);
  };
  // eslint-disable-next-line react-hooks/exhaustive-deps -- read the live answers once the fields are drawn
  useEffect(readLive, [state.version]);

  const isHidden = (view: PageView) => liveAnswers !== null && view.liveCondition !== undefined && !isConditionMet(view.liveCondition, liveAnswers);
  const errorItems = views.flatMap((view) =>
    view.groups.flatMap((group) => {
      const text = state.errors[group.name];
      return text && !isHidden(view) ? [{ fieldId: firstFieldId(view.question, group.name, group.value), text }] : [];
    }),
  );

  return (
    <UploadFailureContext value={uploadFailure}>
      {isStale && (
        <NotificationBanner title="Important" heading="This form has been changed in another tab or window">
          <p className="mb-2">Your changes on this page have not been saved, so that nothing is overwritten.</p>
          <p>
            <a href={`/drafts/${draftId}/section/${sectionId}`}>Reload this section</a> to see the answers saved most recently. Copy anything
            you typed here that you want to keep first.
          </p>
        </NotificationBanner>
      )}
      {fileNotice && <NotificationBanner type="success" heading={fileNotice} />}
      <ErrorSummary errors={fileError ? [{ fieldId: section.fileQuestionId ?? "file", text: fileError }, ...errorItems] : errorItems} />
      <form
        ref={form}
        id={SECTION_FORM_ID}
        action={formAction}
        noValidate
        onInput={(event) => {
          // A file chosen for "Upload file" belongs to the upload's own form (its `form`
          // attribute), not to this one: it changes no answer here, so there is nothing to save.
          // (Saving it raced the upload's page load and left that page a revision behind.)
          const { target } = event;
          if (target instanceof HTMLInputElement && target.form !== event.currentTarget) return;
          readLive();
          autosave.schedule();
        }}
        onChange={readLive}
        onSubmit={(event) => autosave.beforeSubmit(event)}
      >
        {/* Enter in a field means Next, not the first button on the page (an "Answer for" name). */}
        <button type="submit" name="intent" value="next" tabIndex={-1} aria-hidden="true" className="sr-only">
          Next
        </button>
        <input type="hidden" name="draftId" value={draftId} />
        <input type="hidden" name="sectionId" value={sectionId} />
        <input type="hidden" name="revision" value={revision} />
        {section.description && <div className="mb-8 whitespace-pre-line">{section.description}</div>}
        <div key={state.version}>
          {views.map((view) => (
            <div key={view.question.id} hidden={isHidden(view)} data-question={view.question.id}>
              <QuestionField view={view} people={people} errors={state.errors} addressLookups={state.addressLookups} files={files} />
            </div>
          ))}
        </div>
        <div className="flex flex-wrap gap-x-4">
          {hasPrevious && (
            <Button type="submit" variant="secondary" name="intent" value="previous" disabled={isPending}>
              Previous
            </Button>
          )}
          {isFinal ? (
            <Button
              type="submit"
              name="intent"
              value="send"
              disabled={isPending}
              onClick={(event) => {
                // With JavaScript the confirmation is a dialog; without, a page (/drafts/<id>/send).
                event.preventDefault();
                confirm.current?.showModal();
              }}
            >
              Send to Local Authority
            </Button>
          ) : (
            <Button type="submit" name="intent" value="next" disabled={isPending}>
              {isLast ? "Check your answers" : "Next"}
            </Button>
          )}
          <Button type="submit" variant="secondary" name="intent" value="save-for-later" disabled={isPending}>
            Save for later
          </Button>
          <Button href={`/drafts/${draftId}/pdf`} variant="secondary" isDownload>
            Create PDF
          </Button>
          <Button href={`/drafts/${draftId}/pdf?print=1`} variant="secondary" isNewTab>
            Print<span className="sr-only"> (opens the PDF in a new tab)</span>
          </Button>
        </div>
        {isFinal && (
          <dialog ref={confirm} aria-labelledby="confirm-send-heading" className="m-auto max-w-[36em] border-4 border-ink p-6 backdrop:bg-ink/60">
            <h2 id="confirm-send-heading" className="heading-m mb-4">
              Are you sure you want to send this form?
            </h2>
            <p className="mb-6">Once it is sent to the Local Authority you cannot change it.</p>
            <div className="flex flex-wrap gap-x-4">
              <Button type="submit" name="intent" value="send-confirmed" disabled={isPending} onClick={() => confirm.current?.close()}>
                Submit
              </Button>
              <Button type="button" variant="secondary" onClick={() => confirm.current?.close()}>
                Cancel
              </Button>
            </div>
          </dialog>
        )}
        {/* Polite, like the confirmation it replaces: the person is typing, and the words stay
            beside the buttons until a save goes through. */}
        <p className={autosave.status === "failed" ? "border-l-4 border-error pl-4 font-bold text-error" : "text-secondary-ink"} role="status" aria-live="polite">
          {autosave.status === "saved" ? "Your answers on this page have been saved." : autosave.status === "failed" ? AUTOSAVE_FAILED_MESSAGE : ""}
        </p>
      </form>
      {section.fileQuestionId !== undefined && <FileForms draftId={draftId} sectionId={sectionId} files={files.attached} />}
    </UploadFailureContext>
  );
}

type PageView = Omit<QuestionView, "isShown">;

/** A drawn question with its fields for the people on the form and the answers now on the page. */
function pageView({ question, liveCondition }: DrawnQuestion, people: readonly Person[], answers: Answers): PageView {
  return { question, groups: fieldGroups(question, people, answers[question.id]), ...(liveCondition ? { liveCondition } : {}) };
}

/**
 * Saves the page a moment after the user stops typing. A button pressed meanwhile waits for a
 * save in flight and then posts with the new revision, so the two never collide as "stale".
 */
function useAutosave(form: RefObject<HTMLFormElement | null>, setRevision: (revision: number) => void, setStale: (isStale: boolean) => void) {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<Promise<void> | null>(null);
  const [status, setStatus] = useState<"idle" | "saved" | "failed">("idle");

  const save = () => {
    if (!form.current) return Promise.resolve();
    const data = new FormData(form.current);
    data.set("intent", "autosave");
    const run = autosaveSectionAction(data).then((result) => {
      if (result.status === "saved") {
        setRevision(result.revision);
        // The hidden field must carry the new revision before any button posts the page.
        const field = form.current?.elements.namedItem("revision");
        if (field instanceof HTMLInputElement) field.value = String(result.revision);
        setStatus("saved");
      } else if (result.status === "stale") {
        setStale(true);
      }
    }, () => {
      // No answer, or an error answer (a dropped connection, a 500): said until a save goes
      // through. A button's post waits only for this attempt to end, then posts the page itself.
      setStatus("failed");
    });
    inFlight.current = run.finally(() => {
      inFlight.current = null;
    });
    return inFlight.current;
  };

  useEffect(() => () => clearTimeout(timer.current), []);

  return {
    status,
    schedule() {
      clearTimeout(timer.current);
      // "Saved" no longer holds once the person types again; "not saved" holds until a save does.
      setStatus((current) => (current === "failed" ? current : "idle"));
      timer.current = setTimeout(() => void save(), AUTOSAVE_AFTER_MS);
    },
    beforeSubmit(event: FormEvent<HTMLFormElement>) {
      clearTimeout(timer.current);
      const pending = inFlight.current;
      if (!pending) return;
      event.preventDefault();
      const submitter = (event.nativeEvent as SubmitEvent).submitter;
      void pending.then(() => form.current?.requestSubmit(submitter instanceof HTMLElement ? submitter : undefined));
    },
  };
}
