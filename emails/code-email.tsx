import { Text } from "@react-email/components";
import { EmailLayout } from "./email-layout";

export type CodeEmailProps = { councilName: string; heading: string; intro: string; code: string; minutes: number };

/** An email carrying a one-time code, shown large and spaced so it is easy to read and copy. */
export function CodeEmail({ councilName, heading, intro, code, minutes }: CodeEmailProps) {
  return (
    <EmailLayout councilName={councilName} preview={`Your code is ${code}`} heading={heading}>
      <Text style={{ fontSize: "19px" }}>{intro}</Text>
      <Text style={{ fontSize: "32px", fontWeight: 700, letterSpacing: "4px" }}>{code}</Text>
      <Text style={{ fontSize: "19px" }}>
        The code lasts {minutes} minutes and can be used once. If you did not ask for it, you can ignore this email: nobody can
        use your account without your password.
      </Text>
    </EmailLayout>
  );
}

CodeEmail.PreviewProps = {
  councilName: "Demo Borough Council",
  heading: "Your sign-in code",
  intro: "Use this code to finish signing in to the Children's Portal:",
  code: "12345678",
  minutes: 10,
} satisfies CodeEmailProps;

export default CodeEmail;
