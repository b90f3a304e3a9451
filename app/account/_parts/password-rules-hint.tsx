/** The password policy, listed under a password field (worked out on the server, passed as text). */
export function PasswordRulesHint({ intro, rules }: { intro: string; rules: readonly { id: string; text: string }[] }) {
  return (
    <>
      <p className="mb-2">{intro}</p>
      <ul className="list-disc pl-5">
        {rules.map((rule) => (
          <li key={rule.id} className="mb-1">
            {rule.text}
          </li>
        ))}
      </ul>
    </>
  );
}
