import { Text } from "@react-email/components";
import { EmailLayout } from "./email-layout";

/** `preview`: the inbox's one-line preview; the first paragraph unless given. */
export type ServiceNoticeProps = { councilName: string; heading: string; paragraphs: string[]; preview?: string };

/** A plain notice from the portal: a heading and a few paragraphs. */
export function ServiceNotice({ councilName, heading, paragraphs, preview }: ServiceNoticeProps) {
  return (
    <EmailLayout councilName={councilName} preview={preview ?? paragraphs[0] ?? heading} heading={heading}>
      {paragraphs.map((paragraph, index) => (
        <Text key={index} style={{ fontSize: "19px", lineHeight: "25px" }}>
          {paragraph}
        </Text>
      ))}
    </EmailLayout>
  );
}

ServiceNotice.PreviewProps = {
  councilName: "Demo Borough Council",
  heading: "Your referral has been received",
  paragraphs: ["Thank you. Your reference number is CP-2026-000123.", "We will contact you within 3 working days."],
} satisfies ServiceNoticeProps;

export default ServiceNotice;
