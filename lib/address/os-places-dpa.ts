/**
 * OS Places' answer, checked, and its DPA records (Royal Mail delivery point addresses, matched
 * to AddressBase) turned into our address lines.
 *
 * Relied on, from OS's documentation (docs.os.uk, OS Places API technical specification,
 * "Postcode" and "UPRN"): a 200 answer is `{ header: { totalresults, offset, maxresults, ... },
 * results?: [{ DPA: { UPRN, ADDRESS, ORGANISATION_NAME, DEPARTMENT_NAME, SUB_BUILDING_NAME,
 * BUILDING_NAME, BUILDING_NUMBER, PO_BOX_NUMBER, DEPENDENT_THOROUGHFARE_NAME, THOROUGHFARE_NAME,
 * DOUBLE_DEPENDENT_LOCALITY, DEPENDENT_LOCALITY, POST_TOWN, POSTCODE, ... } }] }`, every field a
 * string in capitals, absent when empty; a postcode with no addresses has a header and no
 * `results`. Anything else is treated as the service being unavailable, never guessed at.
 */
import { z } from "zod";
import { withLabel, type AddressMatch } from "./address-provider";

const text = z.string().optional();

const dpaSchema = z.object({
  UPRN: z.string().regex(/^\d{1,12}$/),
  ORGANISATION_NAME: text,
  DEPARTMENT_NAME: text,
  SUB_BUILDING_NAME: text,
  BUILDING_NAME: text,
  BUILDING_NUMBER: text,
  PO_BOX_NUMBER: text,
  DEPENDENT_THOROUGHFARE_NAME: text,
  THOROUGHFARE_NAME: text,
  DOUBLE_DEPENDENT_LOCALITY: text,
  DEPENDENT_LOCALITY: text,
  POST_TOWN: z.string().min(1),
  POSTCODE: z.string().min(1),
});
export type Dpa = z.infer<typeof dpaSchema>;

export const osPlacesPageSchema = z.object({
  header: z.object({ totalresults: z.number().int().min(0), offset: z.number().int().min(0).optional() }),
  // Only DPA is asked for (dataset=DPA); a result without one is skipped.
  results: z.array(z.object({ DPA: dpaSchema.optional() })).optional(),
});
export type OsPlacesPage = z.infer<typeof osPlacesPageSchema>;

/** The page's addresses, in the order OS gives them. */
export function addressesOf(page: OsPlacesPage): AddressMatch[] {
  return (page.results ?? []).flatMap((result) => {
    const address = result.DPA && addressOf(result.DPA);
    return address ? [address] : [];
  });
}

/**
 * One DPA as lines: the first of organisation, flat and building, number and street, locality
 * is line 1 ("Flat 1, Priory Court"), the rest line 2 ("22 Abbey Road"), as the demo gazetteer
 * writes them. Undefined when nothing is left to write line 1 with.
 */
export function addressOf(dpa: Dpa): AddressMatch | undefined {
  const street = join([dpa.DEPENDENT_THOROUGHFARE_NAME, dpa.THOROUGHFARE_NAME]);
  const numbered = dpa.BUILDING_NUMBER ? join([dpa.BUILDING_NUMBER, street], " ") : street;
  const parts = [
    join([dpa.DEPARTMENT_NAME, dpa.ORGANISATION_NAME]),
    join([dpa.SUB_BUILDING_NAME, dpa.BUILDING_NAME]),
    dpa.PO_BOX_NUMBER ? `PO Box ${dpa.PO_BOX_NUMBER}` : "",
    numbered,
    join([dpa.DOUBLE_DEPENDENT_LOCALITY, dpa.DEPENDENT_LOCALITY]),
  ]
    .filter((part) => part !== "")
    .map(titleCase);
  const [line1, ...rest] = parts;
  if (line1 === undefined) return undefined;
  const line2 = join(rest);
  return withLabel({ uprn: dpa.UPRN, line1, ...(line2 !== "" && { line2 }), town: titleCase(dpa.POST_TOWN), postcode: dpa.POSTCODE.toUpperCase() });
}

function join(parts: (string | undefined)[], separator = ", "): string {
  return parts.map((part) => part?.trim() ?? "").filter((part) => part !== "").join(separator);
}

// OS writes addresses in capitals; "12A CASTLE STREET" reads better as "12A Castle Street".
function titleCase(value: string): string {
  return value
    .toLowerCase()
    .replace(/(^|[\s\-(/])([a-z])/g, (_, before: string, letter: string) => before + letter.toUpperCase())
    .replace(/(\d)([a-z])\b/g, (_, digit: string, letter: string) => digit + letter.toUpperCase());
}
