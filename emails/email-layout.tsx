import { Body, Container, Head, Heading, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

export type EmailLayoutProps = { councilName: string; preview: string; heading: string; children: ReactNode };

/** The frame every portal email shares: council name, heading, body, and a no-reply footer. */
export function EmailLayout({ councilName, preview, heading, children }: EmailLayoutProps) {
  return (
    <Html lang="en-GB">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: "#ffffff", color: "#0b0c0c", fontFamily: "Arial, sans-serif" }}>
        <Container style={{ maxWidth: "580px", padding: "16px" }}>
          <Section style={{ borderBottom: "8px solid #1d70b8", paddingBottom: "8px" }}>
            <Text style={{ fontSize: "20px", fontWeight: 700, margin: 0 }}>{councilName} – Children&apos;s Portal</Text>
          </Section>
          <Heading as="h1" style={{ fontSize: "28px" }}>
            {heading}
          </Heading>
          {children}
          <Hr />
          <Text style={{ fontSize: "14px", color: "#505a5f" }}>
            This email was sent by {councilName}&apos;s Children&apos;s Portal. Please do not reply to it.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
