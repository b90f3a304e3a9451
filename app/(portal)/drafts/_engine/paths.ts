/** The addresses of a draft's pages. */
export function draftPaths(draftId: string) {
  const base = `/drafts/${draftId}`;
  return {
    resume: base,
    people: `${base}/people`,
    section: (sectionId: string) => `${base}/section/${sectionId}`,
    checkAnswers: `${base}/check-answers`,
    send: `${base}/send`,
    saved: `${base}/saved`,
    cancel: `${base}/cancel`,
  };
}
