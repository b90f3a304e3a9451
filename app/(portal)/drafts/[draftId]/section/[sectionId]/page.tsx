import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { nextSection } from "@/lib/forms/journey";
import { getDb } from "@/db/client";
import { listAttachments } from "@/lib/attachments";
import { councilSettings } from "@/lib/config/council";
import { readUploadNotice } from "../../../_engine/upload-notice";
import { addressMatchesFor } from "../../../_engine/address-matches";
import { FormPage } from "../../../_engine/form-page";
import { loadDraft } from "../../../_engine/load-draft";
import { draftPaths } from "../../../_engine/paths";
import { SECTION_FORM_ID, SectionForm } from "../../../_engine/section-form";
import { SectionNav } from "../../../_engine/section-nav";

type Params = { params: Promise<{ draftId: string; sectionId: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { draftId, sectionId } = await params;
  const { definition } = await loadDraft(draftId, draftPaths(draftId).section(sectionId));
  const section = definition.sections.find((candidate) => candidate.id === sectionId);
  return { title: section ? `${section.title} – ${definition.title}` : "Page not found" };
}

export default async function SectionPage({ params }: Params) {
  const { draftId, sectionId } = await params;
  const { user, draft, definition, statuses } = await loadDraft(draftId, draftPaths(draftId).section(sectionId));
  const status = statuses.find((candidate) => candidate.section.id === sectionId);
  // A section that does not apply to these answers is not part of the form.
  if (!status?.isShown) notFound();
  const { section } = status;
  const answers = draft.answers;
  const hasFiles = section.questions.some((question) => question.type === "file");
  const attached = hasFiles ? await listAttachments(getDb(), { ownerId: user.userId, draftId: draft.id }) : [];
  const notice = hasFiles ? await readUploadNotice() : null;
  return (
    <FormPage caption={definition.title} heading={section.title} nav={<SectionNav draftId={draft.id} statuses={statuses} currentId={section.id} formId={SECTION_FORM_ID} />}>
      <SectionForm
        definition={definition}
        sectionId={section.id}
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
        initial={{ answers, errors: {}, revision: draft.revision, addressMatches: await addressMatchesFor(section, answers), isStale: false, version: 0 }}
      />
    </FormPage>
  );
}
