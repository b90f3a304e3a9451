import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "You cannot see this page" };

export default function NotAllowedPage() {
  return (
    <div className="max-w-[40em]">
      <h1 className="heading-xl mb-6">You cannot see this page</h1>
      <p className="mb-6">This part of the portal is for council staff.</p>
      <p>
        <Link className="text-link underline" href="/">
          Go to the Children&apos;s Portal home page
        </Link>
      </p>
    </div>
  );
}
