/**
 * The apology shown when something unexpected fails. It shows the error's digest, which is in
 * the server log next to the real error, and never the message or stack: those can hold
 * personal data or details of the system.
 */
export function errorReference(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("digest" in error)) return undefined;
  return typeof error.digest === "string" && error.digest !== "" ? error.digest : undefined;
}

export function ServiceProblem({ error }: { error: unknown }) {
  const reference = errorReference(error);
  return (
    <div className="max-w-[40em]">
      <h1 className="heading-xl mb-8">Sorry, there is a problem with the service</h1>
      <p className="mb-5">Try again later.</p>
      {reference && (
        <p className="mb-5">
          If you contact us about this, give this reference: <strong className="break-all">{reference}</strong>
        </p>
      )}
    </div>
  );
}
