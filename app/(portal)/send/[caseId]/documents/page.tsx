import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireUser } from "@/app/_auth/current-user";
import { DocumentDownload } from "@/app/_send/document-download";
import { sendDeps } from "@/app/_send/send-deps";
import { Table } from "@/components/table";
import { formatDate } from "@/lib/format/dates";
import { familyDocumentPath, familyDocumentsPath, listDocumentsForFamily, type FamilyDocument } from "@/lib/send/documents";

type Props = { params: Promise<{ caseId: string }> };

/** One read per request for the title and the page; only through the family's active access. */
const documentsFor = cache(async (caseId: string): Promise<{ childName: string; items: FamilyDocument[] }> => {
  const user = await requireUser(familyDocumentsPath(caseId));
  const documents = await listDocumentsForFamily(sendDeps().db, { userId: user.userId }, caseId);
  if (!documents) notFound();
  return documents;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { caseId } = await params;
  return { title: `${(await documentsFor(caseId)).childName}'s Documents to View` };
}

/**
 * <child>'s Documents to View (guide 004): what the SEND team published, newest first, with the
 * date it was published, the document's own date and its description; selecting the description
 * downloads the file. Any child the user has no active access to is a 404.
 */
export default async function SendDocumentsPage({ params }: Props) {
  const { caseId } = await params;
  const { childName, items } = await documentsFor(caseId);
  return (
    <div>
      <p className="mb-4">
        <Link href={`/send/${caseId}`}>Back to Dashboard</Link>
      </p>
      <h1 className="heading-xl mb-6 break-words">{`${childName}'s Documents to View`}</h1>
      {items.length === 0 ? (
        <p className="mb-8">No items to view</p>
      ) : (
        <>
          <p className="mb-6">To view a document, select its description. It downloads to your device, usually to your Downloads folder.</p>
          {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard (WCAG 2.1.1) */}
          <div role="region" aria-label="Documents to View table" tabIndex={0} className="overflow-x-auto">
            <Table
              caption="Documents, newest first"
              captionSize="s"
              head={[{ text: "Published Date" }, { text: "Document Date" }, { text: "Description" }]}
              rows={items.map((document) => [
                formatDate(document.publishedAt, "short"),
                formatDate(document.documentDate, "short"),
                <span key="description" className="break-words">
                  <DocumentDownload href={familyDocumentPath(caseId, document.id)} document={document}>
                    {document.description}
                  </DocumentDownload>
                </span>,
              ])}
            />
          </div>
        </>
      )}
    </div>
  );
}
