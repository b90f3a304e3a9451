import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "This request was refused" };

/** forbidden(): a request that did not come from a page of this website (the action wrapper's check). */
export default function Forbidden() {
  return (
    <div className="max-w-[40em]">
      <h1 className="heading-xl mb-8">This request was refused</h1>
      <p className="mb-5">It did not come from a page of this website. Go back to the page you were on and try again.</p>
      <p className="mb-5">
        <Link href="/">Go to the Children&apos;s Portal home page</Link>
      </p>
    </div>
  );
}
