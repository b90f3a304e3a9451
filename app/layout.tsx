import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Footer } from "@/components/layout/footer";
import { Header } from "@/components/layout/header";
import { PageWidth } from "@/components/layout/page-width";
import { SkipLink } from "@/components/skip-link";
import { councilSettings } from "@/lib/config";
import { AccountNav } from "./_auth/account-nav";
import { sessionUser } from "./_auth/current-user";
import { IdleWarningLoader } from "./_auth/idle-warning-loader";
import "./globals.css";

const serviceName = "Children's Portal";

export function generateMetadata(): Metadata {
  const { name } = councilSettings();
  return {
    title: { template: `%s – ${serviceName} – ${name}`, default: `${serviceName} – ${name}` },
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered per request: proxy.ts sets a fresh CSP nonce on every response, and a page built
  // once at build time would carry no nonce (its scripts would be blocked).
  await connection();
  const council = councilSettings();
  const user = await sessionUser();
  return (
    <html lang="en-GB">
      <body className="body-m flex min-h-screen flex-col bg-white font-sans text-ink">
        <SkipLink />
        <Header councilName={council.name} logoSrc={council.logo} navigation={<AccountNav user={user} />} />
        {user && <IdleWarningLoader idleMinutes={council.idleTimeoutMinutes} warningMinutes={council.idleWarningMinutes} />}
        <div className="flex-1">
          <PageWidth>
            {/* tabIndex -1 lets the skip link move focus here in every browser, not just the scroll position. */}
            <main id="main-content" tabIndex={-1} className="block pt-5 pb-8 outline-none sm:pt-10 sm:pb-16">
              {children}
            </main>
          </PageWidth>
        </div>
        <Footer councilName={council.name} />
      </body>
    </html>
  );
}
