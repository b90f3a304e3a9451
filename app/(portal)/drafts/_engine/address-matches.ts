import { getAddressProvider, type AddressMatch } from "@/lib/address/gazetteer";
import { addressMatchesFor as matchesForValue } from "@/lib/forms/question-types/address";
import type { Answers, Section } from "@/lib/forms/types";
import { isAddressValue } from "@/lib/forms/values";
import { isPerPersonAnswer } from "@/lib/forms/per-person";

/** The gazetteer's list for each address question of a section awaiting a pick. */
export async function addressMatchesFor(section: Section, answers: Answers): Promise<Record<string, AddressMatch[]>> {
  const entries = await Promise.all(
    section.questions
      .filter((question) => question.type === "address")
      .map(async (question) => {
        const value = answers[question.id];
        const address = value !== undefined && !isPerPersonAnswer(value) && isAddressValue(value) ? value : undefined;
        return [question.id, await matchesForValue(address, getAddressProvider())] as const;
      }),
  );
  return Object.fromEntries(entries.filter(([, matches]) => matches.length > 0));
}
