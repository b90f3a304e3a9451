/**
 * The postcode lookup for each address question of a section awaiting a pick, for the page to
 * draw: the addresses found, "none" or "unavailable" (the page then offers "Enter address
 * manually" with a message). Questions with nothing to look up are left out.
 */
import type { AddressLookup } from "@/lib/address/address-provider";
import { getAddressProvider } from "@/lib/address/provider";
import { addressLookupFor } from "@/lib/forms/question-types/address";
import type { Answers, Section } from "@/lib/forms/types";
import { isAddressValue } from "@/lib/forms/values";
import { isPerPersonAnswer } from "@/lib/forms/per-person";

export async function addressLookupsFor(section: Section, answers: Answers): Promise<Record<string, AddressLookup>> {
  const entries = await Promise.all(
    section.questions
      .filter((question) => question.type === "address")
      .map(async (question) => {
        const value = answers[question.id];
        const address = value !== undefined && !isPerPersonAnswer(value) && isAddressValue(value) ? value : undefined;
        return [question.id, await addressLookupFor(address, getAddressProvider())] as const;
      }),
  );
  return Object.fromEntries(entries.flatMap(([id, lookup]) => (lookup ? [[id, lookup] as const] : [])));
}
