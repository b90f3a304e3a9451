import "server-only";
import type { ChoiceDivider, ChoiceItem } from "@/components/radios";
import { TO_EVERYONE, type RecipientChoices } from "@/lib/send/messages";

/** What the team's message form says under its heading: who reads the message and who is emailed. */
export const RECIPIENT_HINT =
  "The family member you choose (or everyone with access) and the SEND team can read it; no one else in the family can. They are emailed that a message is waiting, without the subject or the text.";

export type RecipientRadios = { items: (ChoiceItem | ChoiceDivider)[]; defaultTo: string };

/**
 * The "Who is this message to?" radios: each family member with active access by name (their
 * address beneath, as two parents may share a name), then "Everyone with access to this case".
 */
export function recipientRadios({ members, defaultTo }: RecipientChoices): RecipientRadios {
  const people: ChoiceItem[] = members.map((member) => ({ value: member.userId, label: member.name, hint: member.email }));
  const everyone: ChoiceItem = { value: TO_EVERYONE, label: "Everyone with access to this case", hint: "Family members given access later will see it too." };
  return { items: people.length > 0 ? [...people, { divider: "or" }, everyone] : [everyone], defaultTo };
}
