/**
 * A question's label inside an error message. Labels are written to stand alone ("Child's NHS
 * number"); messages put them mid-sentence ("Enter child's NHS number") or first.
 */

/** The label mid-sentence: first letter lower-cased unless the first word is an acronym (NHS, UPN). */
export function labelInSentence(label: string): string {
  const text = withoutEndPunctuation(label);
  const firstWord = text.split(/\s/, 1)[0] ?? "";
  if (isAcronym(firstWord)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The label starting a sentence ("Date of birth must be in the past"). */
export function labelAtStart(label: string): string {
  const text = withoutEndPunctuation(label);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// A label phrased as a question ("What is the child's name?") would leave a stray "?" mid-message.
function withoutEndPunctuation(label: string): string {
  return label.trim().replace(/[?:.]+$/, "");
}

function isAcronym(word: string): boolean {
  const letters = word.replace(/[^A-Za-z]/g, "");
  return letters.length >= 2 && letters === letters.toUpperCase();
}

/**
 * The message for a required answer left empty: "Enter the child's school", "Select the
 * gender". A label phrased as a question cannot go mid-sentence ("Select has the employer been
 * told"), so it is quoted whole instead.
 */
export function missingAnswerMessage(verb: "Enter" | "Select", label: string): string {
  if (label.trim().endsWith("?")) return `${verb === "Select" ? "Select an answer to" : "Answer"} ‘${label.trim()}’`;
  return `${verb} ${labelInSentence(label)}`;
}
