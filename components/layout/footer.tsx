import Link from "next/link";
import { PageWidth } from "./page-width";

const footerLink = "inline-flex min-h-11 items-center text-ink visited:text-ink hover:text-ink";

export function Footer({ councilName }: { councilName: string }) {
  return (
    <footer className="body-s border-t border-border bg-light-grey py-6 sm:py-10">
      <PageWidth>
        <h2 className="sr-only">Support links</h2>
        <ul className="mb-4 flex flex-wrap gap-x-6">
          <li>
            <Link href="/accessibility" className={footerLink}>
              Accessibility statement
            </Link>
          </li>
          <li>
            <Link href="/privacy" className={footerLink}>
              Privacy notice
            </Link>
          </li>
        </ul>
        <p>© {councilName}</p>
      </PageWidth>
    </footer>
  );
}
