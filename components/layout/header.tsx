import Link from "next/link";
import type { ReactNode } from "react";
import { PageWidth } from "./page-width";

export type HeaderProps = {
  councilName: string;
  /** Path under public/ or an https URL (COUNCIL_LOGO). */
  logoSrc: string;
  /** Account links (sign in, sign out) once the pages for them exist. */
  navigation?: ReactNode;
};

export function Header({ councilName, logoSrc, navigation }: HeaderProps) {
  return (
    <header className="border-b-[10px] border-brand bg-white">
      <PageWidth>
        <div className="flex flex-wrap items-center justify-between gap-x-5 gap-y-2.5 py-2.5">
          <Link
            href="/"
            className="inline-flex flex-wrap items-center gap-x-4 gap-y-1 py-1 text-ink no-underline visited:text-ink hover:text-ink hover:underline"
          >
            {/* A plain img: the logo is a council setting (any path or https URL), not a build-time import. */}
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src={logoSrc} alt={councilName} className="h-10 w-auto max-w-full" />
            <span className="heading-m">Children&apos;s Portal</span>
          </Link>
          {navigation}
        </div>
      </PageWidth>
    </header>
  );
}
