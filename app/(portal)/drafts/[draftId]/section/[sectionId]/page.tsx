import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NotificationBanner } from "@/components/notification-banner";
import { nextSection } from "@/lib/forms/journey";
import { getDb } from "@/db/client";
import { listAttachments } from "@/lib/attachments";
import { councilSettings } from "@/lib/config/council";
import { readUploadNotice } from "../../../_engine/upload-notice";
import { FormPage } from "../../../_engine/form-page";
import { loadDraft } from "../../../_engine/load-draft";
import { loadDraftForAction } from "../../../_engine/load-draft-for-action";
import { restoreKeptSection } from "../../../_engine/kept-section";
import { draftPaths } from "../../../_engine/paths";
import { SECTION_FORM_ID, SectionForm } from "../../../_engine/section-form";
import { SectionNav } from "../../../_engine/section-nav";
import { sectionFormState, sectionOnPage } from "../../../_engine/section-view-state";

type Params = { params: Promise<{ draftId: string; sectionId: string }> };
/** `kept`: a post kept while the session had ended, given back once after signing in (kept-section.ts). */
type Props = Params & { searchParams: Promise<{ kept?: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { draftId, sectionId } = await params;
  const { definition } = await loadDraft(draftId, draftPaths(draftId).section(sectionId));
  const section = definition.sections.find((candidate) => candidate.id === sectionId);
  return { title: section ? `${section.title} – ${definition.title}` : "Page not found" };
}

export default async function SectionPage({ params, searchParams }: Props) {
  const { draftId, sectionId } = await params;
  const { kept } = await searchParams;
  const loaded = await loadDraft(draftId, draftPaths(draftId).section(sectionId));
  const { user, draft, definition } = loaded;
  // A section that does not apply to these answers is not part of the form.
  const shown = loaded.statuses.find((candidate) => candidate.section.id === sectionId);
  if (!shown?.isShown) notFound();
  const { section } = shown;
  const restored = kept ? await restoreKeptSection(user, { draft, definition, section }, kept) : null;
  // The section list follows the answers just restored.
  const statuses = (restored && (await loadDraftForAction(user.userId, draftId))?.statuses) || loaded.statuses;
  const answers = restored?.answers ?? draft.answers;
  const hasFiles = section.questions.some((question) => question.type === "file");
  const attached = hasFiles ? await listAttachments(getDb(), { ownerId: user.userId, draftId: draft.id }) : [];
  const notice = hasFiles ? await readUploadNotice() : null;
  const page = sectionOnPage(definition, section, answers);
  return (
    <FormPage caption={definition.title} heading={section.title} nav={<SectionNav draftId={draft.id} statuses={statuses} currentId={section.id} formId={SECTION_FORM_ID} />}>
      {restored && (
        <NotificationBanner type="success" heading="We kept what you typed">
          <p>You were signed out before your answers on this page were saved. We have saved them now: check them, then carry on.</p>
        </NotificationBanner>
      )}
      <SectionForm
        section={page}
        draftId={draft.id}
        people={draft.people}
        hasPrevious
        isLast={[null, definition.sections.at(-1)!.id].includes(nextSection(definition, answers, section.id))}
        isFinal={section.id === definition.sections.at(-1)!.id}
        files={{
          attached: attached.map((file) => ({ id: file.id, fileName: file.fileName, sizeBytes: file.sizeBytes })),
          error: notice?.kind === "error" ? notice.text : undefined,
          maxFileMegabytes: councilSettings().maxUploadMegabytes,
        }}
        fileNotice={notice?.kind === "success" ? notice.text : undefined}
        initial={await sectionFormState(page, section, answers, {
          errors: restored?.errors ?? {},
          revision: restored?.revision ?? draft.revision,
          isStale: false,
          version: 0,
        })}
      />
    </FormPage>
  );
}
