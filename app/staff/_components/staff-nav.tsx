import Link from "next/link";
import { getDb } from "@/db/client";
import { currentUser } from "@/app/_auth/current-user";
import { isCouncilAdmin } from "@/lib/staff/memberships";

const PAGES = [
  { key: "referrals", href: "/staff", text: "Referrals" },
  { key: "my-work", href: "/staff/my-work", text: "My work" },
  { key: "send", href: "/staff/send", text: "SEND cases" },
] as const;

const ADMIN_PAGES = [
  { key: "admin-staff", href: "/staff/admin", text: "Staff" },
  { key: "admin-invite", href: "/staff/admin/invite", text: "Invite a staff member" },
  { key: "admin-audit", href: "/staff/admin/audit", text: "Audit trail" },
  { key: "admin-api-keys", href: "/staff/admin/api-keys", text: "API keys" },
  { key: "admin-delivery", href: "/staff/admin/delivery", text: "Delivery to the case system" },
] as const;

/** A page that is not in the list itself (a team's endpoint page) shows every link. */
type PageKey = (typeof PAGES)[number]["key"] | (typeof ADMIN_PAGES)[number]["key"] | "admin-delivery-team";

/** The staff pages' own links: the other staff pages (the admin area's for a council admin), then any of this page's own. */
export async function StaffNav({ current, extra = [] }: { current: PageKey; extra?: { href: string; text: string }[] }) {
  const user = await currentUser();
  const admin = user ? await isCouncilAdmin(getDb(), user) : false;
  const pages = [...PAGES, ...(admin ? ADMIN_PAGES : [])];
  const links = [...pages.filter((item) => item.key !== current), ...extra];
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
