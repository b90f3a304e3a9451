import { afterEach, describe, expect, it, vi } from "vitest";
import type { AnswerValue, Question } from "@/lib/forms/types";
import { EMAIL_FORMAT_MESSAGE } from "@/lib/mail/email-address";
import {
  DECLARATION_MESSAGE,
  NHS_NUMBER_MESSAGE,
  PHONE_FORMAT_MESSAGE,
  POSTCODE_MESSAGE,
  UPN_MESSAGE,
  UnknownQuestionTypeError,
  YES_NO_MESSAGE,
  nhsNumberCheckDigit,
  questionTypeFor,
  summariseAnswer,
  valueSchemaFor,
} from "@/lib/forms/question-types";

type Outcome = { value: AnswerValue | undefined } | { messages: string[] };

function submit(question: Question, raw: unknown): Outcome {
  const result = valueSchemaFor(question).safeParse(raw);
  return result.success ? { value: result.data } : { messages: result.error.issues.map((issue) => issue.message) };
}

const accepted = (value: AnswerValue | undefined): Outcome => ({ value });
const refused = (message: string): Outcome => ({ messages: [message] });

const base = { id: "q", isRequired: true } as const;
const colours = [
  { value: "red", label: "Red" },
  { value: "green", label: "Green" },
  { value: "blue", label: "Blue" },
];

describe("the register", () => {
  it("throws for an unknown type, including names on Object.prototype", () => {
    for (const type of ["postalAddress", "constructor", "toString"]) {
      const question = { ...base, label: "Where", type } as unknown as Question;
      expect(() => questionTypeFor(question)).toThrow(UnknownQuestionTypeError);
      expect(() => valueSchemaFor(question)).toThrow(/Unknown question type: "/);
    }
  });

  it("finds the handler for the question's own type", () => {
    expect(questionTypeFor({ ...base, label: "Name", type: "text" }).type).toBe("text");
    expect(questionTypeFor({ ...base, label: "UPN", type: "upn" }).type).toBe("upn");
  });
});

describe("text and long text", () => {
  const name: Question = { ...base, type: "text", label: "Child's first name" };

  it("trims, and asks for the answer by label when required", () => {
    expect(submit(name, "  Amira ")).toEqual(accepted("Amira"));
    expect(submit(name, "   ")).toEqual(refused("Enter child's first name"));
    expect(submit(name, undefined)).toEqual(refused("Enter child's first name"));
    expect(submit(name, 42)).toEqual(refused("Enter child's first name"));
  });

  it("keeps an acronym at the start of a label in capitals", () => {
    expect(submit({ ...base, type: "text", label: "GP surgery" }, "")).toEqual(refused("Enter GP surgery"));
  });

  it("is undefined when optional and empty", () => {
    expect(submit({ ...name, isRequired: false }, " ")).toEqual(accepted(undefined));
  });

  it("limits length to 500 by default, or the question's maxLength", () => {
    expect(submit(name, "a".repeat(500))).toEqual(accepted("a".repeat(500)));
    expect(submit(name, "a".repeat(501))).toEqual(refused("Child's first name must be 500 characters or less"));
    expect(submit({ ...name, maxLength: 3 }, "abcd")).toEqual(refused("Child's first name must be 3 characters or less"));
  });

  it("lets long text run to 5000 characters, counting a CRLF line break as one", () => {
    const concerns: Question = { ...base, type: "longText", label: "Your concerns" };
    expect(submit(concerns, "a".repeat(5000))).toEqual(accepted("a".repeat(5000)));
    expect(submit(concerns, "a".repeat(5001))).toEqual(refused("Your concerns must be 5000 characters or less"));
    expect(submit(concerns, "one\r\ntwo")).toEqual(accepted("one\ntwo"));
    expect(submit(concerns, "")).toEqual(refused("Enter your concerns"));
  });
});

describe("email", () => {
  const email: Question = { ...base, type: "email", label: "Email address" };

  it("accepts a trimmed address, lower-casing only the domain", () => {
    expect(submit(email, " Jo.Smith@Example.GOV.uk ")).toEqual(accepted("Jo.Smith@example.gov.uk"));
  });

  it("refuses addresses in the wrong format", () => {
    for (const typed of ["jo", "jo@", "@example.com", "jo@example", "jo smith@example.com", "jo@@example.com", "jo@exa_mple.com"]) {
      expect(submit(email, typed), typed).toEqual(refused(EMAIL_FORMAT_MESSAGE));
    }
    expect(EMAIL_FORMAT_MESSAGE).toBe("Enter an email address in the correct format, like name@example.com");
    expect(submit(email, "")).toEqual(refused("Enter email address"));
  });
});

describe("phone", () => {
  const phone: Question = { ...base, type: "phone", label: "Telephone number" };

  it("accepts spaces, dashes, brackets and +44, storing digits with the leading 0", () => {
    expect(submit(phone, "+44 (0)7700 900 123")).toEqual(accepted("07700900123"));
    expect(submit(phone, "+447700900123")).toEqual(accepted("07700900123"));
    expect(submit(phone, "0044 7700 900123")).toEqual(accepted("07700900123"));
    expect(submit(phone, "07700-900123")).toEqual(accepted("07700900123"));
    expect(submit(phone, "01632 960 001")).toEqual(accepted("01632960001"));
    expect(submit(phone, "(01632) 960001")).toEqual(accepted("01632960001"));
    expect(submit(phone, "0161 496 0000")).toEqual(accepted("01614960000"));
  });

  it("stores other countries' numbers as + and their digits", () => {
    expect(submit(phone, "+33 1 23 45 67 89")).toEqual(accepted("+33123456789"));
    expect(submit(phone, "00353 1 234 5678")).toEqual(accepted("+35312345678"));
  });

  it("refuses what is not a UK number of 10 or 11 digits", () => {
    for (const typed of ["7700900123", "077009001234", "077009001", "077OO 900123", "07700 900 123 ext 4", "+44 123", "07700+900123", "+1"]) {
      expect(submit(phone, typed), typed).toEqual(refused(PHONE_FORMAT_MESSAGE));
    }
    expect(submit(phone, "")).toEqual(refused("Enter telephone number"));
    expect(PHONE_FORMAT_MESSAGE).toBe("Enter a telephone number, like 01632 960 001 or 07700 900 982");
  });
});

describe("date", () => {
  const dateOfBirth: Question = { ...base, type: "date", label: "Date of birth", mustBePast: true, allowEstimated: true };
  const anyDate: Question = { ...base, type: "date", label: "Date of the incident" };

  afterEach(() => vi.useRealTimers());

  it("stores the parts zero-padded", () => {
    expect(submit(anyDate, { day: "5", month: "3", year: "2019" })).toEqual(accepted({ day: "05", month: "03", year: "2019" }));
    expect(submit(anyDate, { day: " 05 ", month: "12", year: "2019" })).toEqual(accepted({ day: "05", month: "12", year: "2019" }));
  });

  it("asks for the date when empty and required, and is undefined when optional", () => {
    expect(submit(anyDate, { day: "", month: "", year: "" })).toEqual(refused("Enter date of the incident"));
    expect(submit(anyDate, undefined)).toEqual(refused("Enter date of the incident"));
    expect(submit({ ...anyDate, isRequired: false }, { day: "", month: " ", year: "" })).toEqual(accepted(undefined));
  });

  it("names the missing parts", () => {
    expect(submit(anyDate, { day: "5", month: "", year: "2019" })).toEqual(refused("Date of the incident must include a month"));
    expect(submit(anyDate, { day: "", month: "", year: "2019" })).toEqual(refused("Date of the incident must include a day and month"));
    expect(submit({ ...anyDate, isRequired: false }, { day: "5" })).toEqual(refused("Date of the incident must include a month and year"));
  });

  it("refuses dates that are not real", () => {
    for (const parts of [
      { day: "31", month: "2", year: "2019" },
      { day: "31", month: "4", year: "2019" },
      { day: "0", month: "1", year: "2019" },
      { day: "1", month: "13", year: "2019" },
      { day: "a", month: "1", year: "2019" },
      { day: "1.5", month: "1", year: "2019" },
      { day: "1", month: "1", year: "20x9" },
    ]) {
      expect(submit(anyDate, parts), JSON.stringify(parts)).toEqual(refused("Date of the incident must be a real date"));
    }
    expect(submit(anyDate, { day: "1", month: "1", year: "19" })).toEqual(refused("Date of the incident year must include 4 numbers"));
  });

  it("knows 29 February only in leap years", () => {
    expect(submit(anyDate, { day: "29", month: "2", year: "2024" })).toEqual(accepted({ day: "29", month: "02", year: "2024" }));
    expect(submit(anyDate, { day: "29", month: "2", year: "2000" })).toEqual(accepted({ day: "29", month: "02", year: "2000" }));
    expect(submit(anyDate, { day: "29", month: "2", year: "2023" })).toEqual(refused("Date of the incident must be a real date"));
    expect(submit(anyDate, { day: "29", month: "2", year: "1900" })).toEqual(refused("Date of the incident must be a real date"));
  });

  it("refuses a future date when it must be in the past, counting today in UK time as past", () => {
    // 23:30 UTC on 30 June is already 1 July in London (BST).
    vi.useFakeTimers({ now: new Date("2025-06-30T23:30:00Z") });
    expect(submit(dateOfBirth, { day: "1", month: "7", year: "2025" })).toEqual(accepted({ day: "01", month: "07", year: "2025" }));
    expect(submit(dateOfBirth, { day: "2", month: "7", year: "2025" })).toEqual(refused("Date of birth must be in the past"));
    expect(submit(anyDate, { day: "2", month: "7", year: "2025" })).toEqual(accepted({ day: "02", month: "07", year: "2025" }));
  });

  it("passes an estimated date's flag through only when the question allows it", () => {
    const parts = { day: "5", month: "3", year: "2019", isEstimated: "yes" };
    expect(submit(dateOfBirth, parts)).toEqual(accepted({ day: "05", month: "03", year: "2019", isEstimated: true }));
    expect(submit(anyDate, parts)).toEqual(accepted({ day: "05", month: "03", year: "2019" }));
  });

  it("summarises as a date in words", () => {
    expect(summariseAnswer(anyDate, { day: "05", month: "03", year: "2019" })).toBe("5 March 2019");
    expect(summariseAnswer(dateOfBirth, { day: "29", month: "02", year: "2024", isEstimated: true })).toBe("29 February 2024 (estimated)");
  });
});

describe("select and radios", () => {
  for (const type of ["select", "radios"] as const) {
    const question: Question = { ...base, type, label: "Favourite colour", choices: colours };

    it(`${type}: accepts only one of the choices' values and summarises its label`, () => {
      expect(submit(question, "green")).toEqual(accepted("green"));
      expect(submit(question, "Green")).toEqual(refused("Select favourite colour"));
      expect(submit(question, "purple")).toEqual(refused("Select favourite colour"));
      expect(submit(question, "")).toEqual(refused("Select favourite colour"));
      expect(submit({ ...question, isRequired: false }, "")).toEqual(accepted(undefined));
      expect(summariseAnswer(question, "green")).toBe("Green");
    });
  }
});

describe("checkboxes", () => {
  const question: Question = { ...base, type: "checkboxes", label: "Colours you like", choices: colours };

  it("accepts a subset, stored once each in the order of the choices", () => {
    expect(submit(question, ["blue", "red", "blue"])).toEqual(accepted(["red", "blue"]));
    expect(submit(question, "green")).toEqual(accepted(["green"]));
  });

  it("requires at least one when required, and refuses values not among the choices", () => {
    expect(submit(question, [])).toEqual(refused("Select colours you like"));
    expect(submit(question, undefined)).toEqual(refused("Select colours you like"));
    expect(submit(question, ["red", "purple"])).toEqual(refused("Select colours you like"));
    expect(submit(question, [1])).toEqual(refused("Select colours you like"));
    expect(submit({ ...question, isRequired: false }, [])).toEqual(accepted(undefined));
  });

  it("summarises as the labels joined with commas", () => {
    expect(summariseAnswer(question, ["red", "blue"])).toBe("Red, Blue");
  });
});

describe("yes or no", () => {
  const question: Question = { ...base, type: "yesNo", label: "Does the child have an EHCP?" };

  it("accepts yes or no and summarises them capitalised", () => {
    expect(submit(question, "yes")).toEqual(accepted("yes"));
    expect(submit(question, "no")).toEqual(accepted("no"));
    expect(submit(question, "maybe")).toEqual(refused(YES_NO_MESSAGE));
    expect(submit(question, "")).toEqual(refused("Select yes or no"));
    expect(summariseAnswer(question, "yes")).toBe("Yes");
    expect(summariseAnswer(question, "no")).toBe("No");
  });
});

describe("NHS number", () => {
  const question: Question = { ...base, type: "nhsNumber", label: "Child's NHS number" };

  it("accepts valid numbers typed with spaces or dashes, storing 10 digits", () => {
    expect(submit(question, "943 476 5919")).toEqual(accepted("9434765919"));
    expect(submit(question, "401-023-2137")).toEqual(accepted("4010232137"));
    expect(submit(question, "9990000018")).toEqual(accepted("9990000018"));
  });

  it("refuses a wrong check digit, the wrong length, and a remainder giving 10", () => {
    expect(submit(question, "943 476 5918")).toEqual(refused(NHS_NUMBER_MESSAGE));
    expect(submit(question, "943 476 591")).toEqual(refused(NHS_NUMBER_MESSAGE));
    expect(submit(question, "943 476 59190")).toEqual(refused(NHS_NUMBER_MESSAGE));
    // 9,9,9,1,2,3,4,5,6 weighted 10..2 sum to 320; 320 mod 11 is 1, so no check digit exists.
    expect(nhsNumberCheckDigit("999123456")).toBeUndefined();
    for (let last = 0; last <= 9; last++) expect(submit(question, `999123456${last}`)).toEqual(refused(NHS_NUMBER_MESSAGE));
    expect(submit(question, "")).toEqual(refused("Enter child's NHS number"));
  });

  it("gives an example in its message that is itself valid", () => {
    const example = /like ([\d ]+)$/.exec(NHS_NUMBER_MESSAGE)?.[1] ?? "";
    expect(example).toMatch(/^\d{3} \d{3} \d{4}$/);
    expect(submit(question, example)).toEqual(accepted(example.replace(/ /g, "")));
  });

  it("summarises in groups of 3, 3 and 4", () => {
    expect(summariseAnswer(question, "9434765919")).toBe("943 476 5919");
  });
});

describe("UPN", () => {
  const question: Question = { ...base, type: "upn", label: "UPN" };
  const LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

  // Written again from the DfE description, apart from the code under test.
  function withCheckLetter(rest: string): string {
    let sum = 0;
    for (let i = 0; i < 12; i++) {
      const char = rest.charAt(i);
      sum += (/\d/.test(char) ? Number(char) : LETTERS.indexOf(char)) * (i + 2);
    }
    return LETTERS.charAt(sum % 23) + rest;
  }

  it("accepts a UPN whose check letter is worked by hand", () => {
    // 1×2 + 2×3 + 3×4 + 4×5 + 5×6 + 6×7 + 7×8 + 8×9 + 9×10 + 0×11 + 1×12 + 2×13 = 368 = 16×23, so A.
    expect(submit(question, "A123456789012")).toEqual(accepted("A123456789012"));
    // A temporary UPN: B (1) at position 13 gives 13, so P.
    expect(submit(question, "P00000000000B")).toEqual(accepted("P00000000000B"));
  });

  it("accepts built UPNs typed in lower case with spaces, storing them upper case", () => {
    for (const rest of ["820400100101", "938611234567", "20120000000Z", "55555555555H"]) {
      const upn = withCheckLetter(rest);
      expect(submit(question, upn), upn).toEqual(accepted(upn));
      const typed = `${upn.slice(0, 4)} ${upn.slice(4, 9)} ${upn.slice(9)}`.toLowerCase();
      expect(submit(question, typed), typed).toEqual(accepted(upn));
    }
  });

  it("refuses a changed digit, a wrong letter, bad letters and the wrong length", () => {
    const upn = withCheckLetter("820400100101");
    const changed = `${upn.slice(0, 5)}${(Number(upn[5]) + 1) % 10}${upn.slice(6)}`;
    expect(submit(question, changed)).toEqual(refused(UPN_MESSAGE));
    const otherLetter = LETTERS.charAt((LETTERS.indexOf(upn.charAt(0)) + 1) % 23);
    expect(submit(question, otherLetter + upn.slice(1))).toEqual(refused(UPN_MESSAGE));
    expect(submit(question, withCheckLetter("82040010010I"))).toEqual(refused(UPN_MESSAGE));
    expect(submit(question, withCheckLetter("8204001001A1"))).toEqual(refused(UPN_MESSAGE));
    expect(submit(question, upn.slice(0, 12))).toEqual(refused(UPN_MESSAGE));
    expect(submit(question, "")).toEqual(refused("Enter UPN"));
  });

  it("gives an example in its message that is itself valid", () => {
    expect(UPN_MESSAGE).toBe("Enter a valid UPN, which is 13 characters, like A123456789012");
  });
});

describe("postcode", () => {
  const question: Question = { ...base, type: "postcode", label: "Postcode" };

  it("accepts any case and spacing, storing upper case with one space before the inward code", () => {
    expect(submit(question, "sw1a2aa")).toEqual(accepted("SW1A 2AA"));
    expect(submit(question, " M1   1ae ")).toEqual(accepted("M1 1AE"));
    expect(submit(question, "B33 8TH")).toEqual(accepted("B33 8TH"));
    expect(submit(question, "cr26xh")).toEqual(accepted("CR2 6XH"));
    expect(submit(question, "DN55 1PT")).toEqual(accepted("DN55 1PT"));
    expect(submit(question, "W1A 0AX")).toEqual(accepted("W1A 0AX"));
  });

  it("refuses what is not shaped like a postcode", () => {
    for (const typed of ["SW1A", "12345", "SW1A 2A", "SW1A 2AAA", "SW1A 2CI", "S W 1A!2AA"]) {
      expect(submit(question, typed), typed).toEqual(refused(POSTCODE_MESSAGE));
    }
    expect(submit(question, "")).toEqual(refused("Enter postcode"));
  });
});

describe("declaration", () => {
  const question: Question = { ...base, isRequired: false, type: "declaration", label: "Declaration", statement: "I agree" };

  it("must be ticked even when not marked required, and summarises as Agreed", () => {
    expect(submit(question, "yes")).toEqual(accepted("yes"));
    expect(submit(question, undefined)).toEqual(refused(DECLARATION_MESSAGE));
    expect(submit(question, "no")).toEqual(refused("Confirm that you agree to the declaration"));
    expect(summariseAnswer(question, "yes")).toBe("Agreed");
  });
});
