/**
 * The password policy, listed under a password field (worked out on the server, passed as text).
 * The passphrase alternative is not a rule, so it follows the list as its own sentence.
 */
export function PasswordRulesHint({ intro, rules }: { intro: string; rules: readonly { id: string; text: string }[] }) {
  const passphrase = rules.find((rule) => rule.id === "passphrase");
  return (
    <>
      <p className="mb-2">{intro}</p>
      <ul className="list-disc pl-5">
        {rules
          .filter((rule) => rule.id !== "passphrase")
          .map((rule) => (
            <li key={rule.id} className="mb-1">
              {rule.text}
            </li>
          ))}
      </ul>
      {passphrase && <p className="mt-2">{passphrase.text}.</p>}
    </>
  );
}
