import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "You have signed out" };

export default function SignedOutPage() {
  return (
    <div className="max-w-[40em]">
      <h1 className="heading-xl mb-6">You have signed out</h1>
      <p className="mb-6">Your forms are saved. You will need your password and an emailed code to sign in again.</p>
      <p>
        <Link className="text-link underline" href="/account/sign-in">
          Sign in
        </Link>
      </p>
    </div>
  );
}
