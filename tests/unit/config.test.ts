import { describe, expect, it } from "vitest";
import { ConfigError, deploymentProblems, readAppSettings, readLaunchSettings } from "@/lib/config/env";
import { readCouncilSettings } from "@/lib/config/council";

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("launch settings", () => {
  it("needs nothing: every service may be embedded", () => {
    const settings = readLaunchSettings({});
    expect(settings.PORT).toBe(3000);
    expect(settings.DATABASE_URL).toBeUndefined();
    expect(settings.S3_BUCKET).toBe("childrens-portal");
    expect(settings.PDF_PAGE_POOL).toBe(2);
  });

  it("names DATABASE_URL when it is malformed", () => {
    const problems = problemsOf(() => readLaunchSettings({ DATABASE_URL: "mysql://nope" }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^DATABASE_URL must be a postgres:\/\//);
  });

  it("names every malformed setting at once", () => {
    const problems = problemsOf(() =>
      readLaunchSettings({ PORT: "eighty", SMTP_URL: "mail.example.org", S3_ENDPOINT: "s3", MAIL_FROM: "nobody" }),
    );
    expect(problems.map((p) => p.split(" ")[0]).sort()).toEqual(["MAIL_FROM", "PORT", "S3_ENDPOINT", "SMTP_URL"]);
  });

  it("listens on loopback unless HOST opens it up, and trusts no proxy unless told", () => {
    expect(readLaunchSettings({}).HOST).toBe("127.0.0.1");
    expect(readLaunchSettings({ HOST: "0.0.0.0" }).HOST).toBe("0.0.0.0");
    expect(readLaunchSettings({}).TRUSTED_PROXIES).toBeUndefined();
  });

  it("refuses a deployment on its own database without malware scanning, and a malformed CLAMAV_URL", () => {
    const deployed = { DATABASE_URL: "postgres://portal@db.internal:5432/portal" };
    expect(deploymentProblems(readLaunchSettings(deployed))).toEqual([expect.stringMatching(/^CLAMAV_URL is missing/)]);
    expect(deploymentProblems(readLaunchSettings({ ...deployed, CLAMAV_URL: "tcp://clamd.internal:3310" }))).toEqual([]);
    expect(deploymentProblems(readLaunchSettings({ ...deployed, CLAMAV_URL: "/run/clamav/clamd.ctl" }))).toEqual([]);
    expect(deploymentProblems(readLaunchSettings({}))).toEqual([]);
    expect(problemsOf(() => readLaunchSettings({ CLAMAV_URL: "http://clamd:3310" }))[0]).toMatch(/^CLAMAV_URL must be tcp:\/\/host:port/);
  });

  it("treats a blank setting as unset", () => {
    expect(readLaunchSettings({ DATABASE_URL: "", PORT: "" }).DATABASE_URL).toBeUndefined();
  });
});

describe("app settings", () => {
  it("says which settings are missing when the app runs without the launcher", () => {
    const problems = problemsOf(() => readAppSettings({}));
    expect(problems).toEqual(
      expect.arrayContaining(["DATABASE_URL is missing", "SMTP_URL is missing", "AUTH_SECRET is missing", "S3_ENDPOINT is missing"]),
    );
  });

  it("refuses a short AUTH_SECRET", () => {
    const problems = problemsOf(() => readLaunchSettings({ AUTH_SECRET: "short" }));
    expect(problems[0]).toMatch(/^AUTH_SECRET must be at least 32 characters/);
  });
});

describe("council settings", () => {
  it("defaults to the guides' values", () => {
    const council = readCouncilSettings({});
    expect(council).toMatchObject({
      codeLifetimeMinutes: 10,
      codeLength: 8,
      draftRetentionDays: 30,
      idleTimeoutMinutes: 30,
      idleWarningMinutes: 2,
      passwordPolicy: { minLength: 12 },
    });
  });

  it("takes a council's own values and refuses nonsense", () => {
    expect(readCouncilSettings({ COUNCIL_NAME: "Wigan Council", COUNCIL_SUBMITTED_FORMS_DAYS: "90" })).toMatchObject({
      name: "Wigan Council",
      submittedFormsDays: 90,
    });
    expect(problemsOf(() => readCouncilSettings({ COUNCIL_PASSWORD_MIN_LENGTH: "3" }))[0]).toMatch(/^COUNCIL_PASSWORD_MIN_LENGTH/);
  });
});
