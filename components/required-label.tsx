/**
 * A mandatory field's label: the red asterisk the councils' guides describe, which screen
 * readers skip in favour of the word "(required)".
 */
export function RequiredLabel({ text }: { text: string }) {
  return (
    <>
      {text}{" "}
      <span aria-hidden="true" className="font-bold text-error">
        *
      </span>
      <span className="sr-only">(required)</span>
    </>
  );
}

/** The line that explains the asterisk, shown once above each form. */
export function RequiredExplanation() {
  return (
    <p className="mb-6">
      Questions marked with{" "}
      <span aria-hidden="true" className="font-bold text-error">
        *
      </span>
      <span className="sr-only">an asterisk</span> must be answered.
    </p>
  );
}
