import Link from "next/link";

/** GOV.UK's back link: a plain link to the previous step, so it works with JavaScript off. */
export function BackLink({ href, children = "Back" }: { href: string; children?: string }) {
  return (
    <Link
      href={href}
      className={
        "body-s relative mb-6 inline-block pl-[14px] text-ink underline visited:text-ink hover:text-ink " +
        // The chevron GOV.UK draws before "Back".
        "before:absolute before:top-[0.45em] before:left-[3px] before:size-[7px] before:-rotate-45 before:border-t-2 before:border-l-2 before:border-current"
      }
    >
      {children}
    </Link>
  );
}
