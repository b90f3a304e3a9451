import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <div className="max-w-[40em]">
      <h1 className="heading-xl mb-8">Page not found</h1>
      <p className="mb-5">If you typed the web address, check it is correct.</p>
      <p className="mb-5">If you pasted the web address, check you copied the entire address.</p>
      <p className="mb-5">
        If a link in an email brought you here, the form may have been deleted. Saved forms are kept for a limited time.
      </p>
      <p className="mb-5">
        <Link href="/">Go to the Children&apos;s Portal home page</Link>
      </p>
    </div>
  );
}
