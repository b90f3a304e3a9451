import type { ReactNode } from "react";
import { formatBytes } from "@/lib/format/bytes";
import { documentKind } from "@/lib/send/documents";

type Props = {
  href: string;
  document: { contentType: string; sizeBytes: number };
  /** The link's own class (a file name without spaces must break anywhere). */
  linkClassName?: string;
  /** The link's words: the description the family sees, or the file's name. */
  children: ReactNode;
};

/** A SEND document's download link with its kind and size under it ("PDF, 1.2 MB"), for the family and for the team. */
export function DocumentDownload({ href, document, linkClassName, children }: Props) {
  return (
    <>
      <a href={href} download className={linkClassName}>
        {children}
      </a>
      <span className="block text-secondary-ink">
        {documentKind(document.contentType)}, {formatBytes(document.sizeBytes)}
      </span>
    </>
  );
}
