/** "Children's Portal <children@council.gov.uk>", quoting the name as RFC 5322 wants. */
export function formatSender(name: string, address: string): string {
  return `"${name.replace(/["\\]/g, "")}" <${address}>`;
}
