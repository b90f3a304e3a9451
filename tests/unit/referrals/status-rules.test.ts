import { describe, expect, it } from "vitest";
import { baseReference, escapeLike, searchableNames, versionedReference } from "@/lib/referrals/naming";
import { isStaff } from "@/lib/auth/roles";
import { canTransition, INBOX_TABS, nextStatus, type ReferralAction, type SubmissionStatus } from "@/lib/referrals/status-rules";

const STATUSES: SubmissionStatus[] = ["submitted", "response-posted", "more-information-requested", "resubmitted", "closed"];

// The whole table, written out: every action against every status.
const EXPECTED: Record<ReferralAction, Partial<Record<SubmissionStatus, SubmissionStatus>>> = {
  respond: { submitted: "response-posted", resubmitted: "response-posted" },
  "request-information": { submitted: "more-information-requested", resubmitted: "more-information-requested" },
  close: { submitted: "closed", resubmitted: "closed", "response-posted": "closed", "more-information-requested": "closed" },
  "move-team": { submitted: "submitted", resubmitted: "resubmitted", "response-posted": "response-posted", "more-information-requested": "more-information-requested" },
  resubmit: { "more-information-requested": "closed" },
};

describe("the referral status table", () => {
  for (const action of Object.keys(EXPECTED) as ReferralAction[]) {
    for (const status of STATUSES) {
      const to = EXPECTED[action][status];
      it(`${action} from ${status}: ${to ? `→ ${to}` : "refused"}`, () => {
        expect(canTransition(action, status)).toBe(to !== undefined);
        expect(nextStatus(action, status)).toBe(to ?? null);
      });
    }
  }

  it("allows nothing on a closed referral", () => {
    for (const action of Object.keys(EXPECTED) as ReferralAction[]) expect(canTransition(action, "closed")).toBe(false);
  });

  it("maps each inbox tab to one status", () => {
    expect(INBOX_TABS).toEqual({
      new: "submitted",
      resubmitted: "resubmitted",
      "awaiting-information": "more-information-requested",
      responded: "response-posted",
      closed: "closed",
    });
  });
});

describe("staff roles", () => {
  it("lets caseworkers and admins in, nobody else", () => {
    expect(isStaff({ role: "caseworker" })).toBe(true);
    expect(isStaff({ role: "admin" })).toBe(true);
    expect(isStaff({ role: "referrer" })).toBe(false);
    expect(isStaff({ role: "parent" })).toBe(false);
    expect(isStaff(null)).toBe(false);
  });
});

describe("references and names", () => {
  it("versions a reference from its base, whatever version it is at", () => {
    expect(versionedReference("CP-ACDE-FGHJ", 2)).toBe("CP-ACDE-FGHJ-V2");
    expect(versionedReference("CP-ACDE-FGHJ-V2", 3)).toBe("CP-ACDE-FGHJ-V3");
    // A base reference may itself end in "-V" and digits from the alphabet: it is not a version.
    expect(baseReference("CP-ACDE-V346")).toBe("CP-ACDE-V346");
    expect(baseReference("CP-ACDE-V346-V12")).toBe("CP-ACDE-V346");
  });

  it("lower-cases each person's name and keeps people apart", () => {
    expect(searchableNames([{ forename: " Amy ", surname: "SMITH" }, { forename: "Ben", surname: "de  la Cruz" }])).toBe("amy smith | ben de la cruz");
    expect(searchableNames([])).toBe("");
  });

  it("takes LIKE wildcards literally", () => {
    expect(escapeLike("50%_a\\b")).toBe("50\\%\\_a\\\\b");
  });
});
