import Link from "next/link";

const PAGES = [
  { key: "referrals", href: "/staff", text: "Referrals" },
  { key: "my-work", href: "/staff/my-work", text: "My work" },
  { key: "send", href: "/staff/send", text: "SEND cases" },
] as const;

/** The staff pages' own links: the other staff pages, then any of this page's own. */
export function StaffNav({ current, extra = [] }: { current: (typeof PAGES)[number]["key"]; extra?: { href: string; text: string }[] }) {
  const links = [...PAGES.filter((item) => item.key !== current), ...extra];
  return (
    <nav aria-label="Staff" className="mb-4">
      <ul className="flex flex-wrap gap-x-6 gap-y-1">
        {links.map((item) => (
          <li key={item.href}>
            {/* 44 px tall: links side by side that wrap on a phone stay apart (WCAG 2.5.8). */}
            <Link href={item.href} className="inline-flex min-h-11 items-center">
              {item.text}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
