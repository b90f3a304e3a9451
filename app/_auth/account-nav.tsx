import Link from "next/link";
import { signOutAction } from "@/app/account/sign-out/actions";
import type { SessionUser } from "@/lib/auth/sessions";

const navLink = "inline-flex min-h-11 items-center text-link underline hover:decoration-2";

/** Top right of every page: the signed-in user's name and account links, or Sign in. */
export function AccountNav({ user }: { user: SessionUser | null }) {
  if (!user) {
    return (
      <nav aria-label="Account">
        <Link className={navLink} href="/account/sign-in">
          Sign in
        </Link>
      </nav>
    );
  }
  return (
    <nav aria-label="Account" className="flex flex-wrap items-center gap-x-5">
      <span className="font-bold">{`${user.forename} ${user.surname}`}</span>
      <Link className={navLink} href="/account">
        My Account
      </Link>
      <Link className={navLink} href="/drafts">
        Recover a form
      </Link>
      <Link className={navLink} href="/submitted">
        Submitted Forms
      </Link>
      <Link className={navLink} href="/account/update">
        Update Account
      </Link>
      <form action={signOutAction}>
        <button type="submit" className={`${navLink} cursor-pointer border-0 bg-transparent p-0 font-[inherit]`}>
          Logout
        </button>
      </form>
    </nav>
  );
}
