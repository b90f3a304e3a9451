"use client";

import { ServiceProblem } from "@/components/service-problem";
import "./globals.css";

// Replaces the root layout when that layout itself fails, so it cannot read council settings:
// it brings its own document and keeps to what needs nothing from the server.
export default function GlobalError({ error }: { error: unknown }) {
  return (
    <html lang="en-GB">
      <body className="body-m bg-white font-sans text-ink">
        <title>Sorry, there is a problem with the service – Children&apos;s Portal</title>
        <header className="border-b-[10px] border-brand px-[15px] py-4 sm:px-[30px]">
          <p className="heading-m">Children&apos;s Portal</p>
        </header>
        <main id="main-content" className="mx-[15px] max-w-[960px] pt-5 pb-8 sm:mx-[30px] sm:pt-10 min-[1020px]:mx-auto">
          <ServiceProblem error={error} />
        </main>
      </body>
    </html>
  );
}
