import { describe, expect, it } from "vitest";
import { ConfigError, deploymentProblems, isProductionMode, readAppSettings, readLaunchSettings } from "@/lib/config/env";
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

  it("a malformed CLAMAV_URL is named", () => {
    expect(problemsOf(() => readLaunchSettings({ CLAMAV_URL: "http://clamd:3310" }))[0]).toMatch(/^CLAMAV_URL must be tcp:\/\/host:port/);
  });
  it("treats a blank setting as unset", () => {
    expect(readLaunchSettings({ DATABASE_URL: "", PORT: "" }).DATABASE_URL).toBeUndefined();
  });

  it("runs one web process unless WEB_CONCURRENCY asks for more, and refuses anything but a whole number from 1 to 64", () => {
    expect(readLaunchSettings({}).WEB_CONCURRENCY).toBe(1);
    expect(readLaunchSettings({ WEB_CONCURRENCY: "" }).WEB_CONCURRENCY).toBe(1);
    expect(readLaunchSettings({ WEB_CONCURRENCY: "4" }).WEB_CONCURRENCY).toBe(4);
    expect(readLaunchSettings({ WEB_CONCURRENCY: "64" }).WEB_CONCURRENCY).toBe(64);
    for (const malformed of ["two", "2.5", "-1", " 2", "0x2", "1e1"]) {
      expect(problemsOf(() => readLaunchSettings({ WEB_CONCURRENCY: malformed }))).toEqual(["WEB_CONCURRENCY must be a whole number of web processes, e.g. 2"]);
    }
    for (const outOfRange of ["0", "65", "2000"]) {
      expect(problemsOf(() => readLaunchSettings({ WEB_CONCURRENCY: outOfRange }))).toEqual(["WEB_CONCURRENCY must be from 1 to 64 web processes"]);
    }
  });

  it("refuses several web processes with the test clock, which each process keeps for itself", () => {
    expect(deploymentProblems(readLaunchSettings({ PORTAL_TEST_CLOCK: "1", WEB_CONCURRENCY: "2" }))).toEqual(["WEB_CONCURRENCY must be 1 with PORTAL_TEST_CLOCK=1: each web process keeps its own test clock"]);
    expect(deploymentProblems(readLaunchSettings({ PORTAL_TEST_CLOCK: "1" }))).toEqual([]);
    expect(deploymentProblems(readLaunchSettings({ WEB_CONCURRENCY: "2" }))).toEqual([]);
  });
});

/** A full production set: every setting production mode needs. */
const production = {
  DATABASE_URL: "postgres://portal:secret@db.internal:5432/portal",
  S3_ENDPOINT: "https://s3.eu-west-2.amazonaws.com",
  S3_ACCESS_KEY_ID: "AKIAEXAMPLE",
  S3_SECRET_ACCESS_KEY: "secret-key",
  SMTP_URL: "smtp://mailer:secret@smtp.example.gov.uk:587",
  AUTH_SECRET: "x".repeat(32),
  APP_URL: "https://childrens-portal.example.gov.uk",
  CLAMAV_URL: "tcp://clamd.internal:3310",
  ADDRESS_PROVIDER: "os-places",
  OS_PLACES_API_KEY: "os-data-hub-project-key",
};

describe("production mode", () => {
  const ALL_REQUIRED = Object.keys(production).sort();
  const missingNames = (source: Record<string, string>) =>
    deploymentProblems(readLaunchSettings(source))
      .filter((problem) => problem.includes(" is missing"))
      .map((problem) => problem.split(" ")[0])
      .sort();

  it("is what PORTAL_ENV=production or any one service setting asks for, and nothing else", () => {
    expect(isProductionMode(readLaunchSettings({}))).toBe(false);
    expect(isProductionMode(readLaunchSettings({ PORTAL_ENV: "development" }))).toBe(false);
    expect(isProductionMode(readLaunchSettings({ CLAMAV_URL: "tcp://127.0.0.1:3310", AUTH_SECRET: "x".repeat(32) }))).toBe(false);
    expect(isProductionMode(readLaunchSettings({ PORTAL_ENV: "production" }))).toBe(true);
    expect(isProductionMode(readLaunchSettings({ DATABASE_URL: production.DATABASE_URL }))).toBe(true);
    expect(isProductionMode(readLaunchSettings({ S3_ENDPOINT: production.S3_ENDPOINT }))).toBe(true);
    expect(isProductionMode(readLaunchSettings({ SMTP_URL: production.SMTP_URL }))).toBe(true);
  });

  it("needs nothing in development: every service may be embedded", () => {
    expect(deploymentProblems(readLaunchSettings({}))).toEqual([]);
  });

  it("names every missing setting at once, whichever one asked for production", () => {
    expect(missingNames({ PORTAL_ENV: "production" })).toEqual(ALL_REQUIRED);
    expect(missingNames({ SMTP_URL: production.SMTP_URL })).toEqual(ALL_REQUIRED.filter((name) => name !== "SMTP_URL"));
    expect(missingNames({ DATABASE_URL: production.DATABASE_URL })).toEqual(ALL_REQUIRED.filter((name) => name !== "DATABASE_URL"));
    expect(missingNames({ S3_ENDPOINT: production.S3_ENDPOINT })).toEqual(ALL_REQUIRED.filter((name) => name !== "S3_ENDPOINT"));
  });

  it("names each one left out of an otherwise full set", () => {
    for (const name of ALL_REQUIRED) {
      const partial: Record<string, string> = { ...production };
      delete partial[name];
      expect(missingNames(partial), `without ${name}`).toEqual([name]);
    }
  });

  it("accepts a full set", () => {
    expect(deploymentProblems(readLaunchSettings(production))).toEqual([]);
    expect(deploymentProblems(readLaunchSettings({ ...production, CLAMAV_URL: "/run/clamav/clamd.ctl" }))).toEqual([]);
  });

  it("refuses an http address, demo data, the test clock and the development mailbox", () => {
    expect(deploymentProblems(readLaunchSettings({ ...production, APP_URL: "http://childrens-portal.example.gov.uk" }))).toEqual([
      "APP_URL must be an https:// address in production",
    ]);
    const problems = deploymentProblems(readLaunchSettings({ ...production, SEED_DEMO_DATA: "true", PORTAL_TEST_CLOCK: "1", DEV_MAILBOX_DIR: "/tmp/mailbox", DELIVERY_ALLOW_LOCAL_ENDPOINTS: "1" }));
    expect(problems.map((problem) => problem.split(" ")[0]).sort()).toEqual(["DELIVERY_ALLOW_LOCAL_ENDPOINTS", "DEV_MAILBOX_DIR", "PORTAL_TEST_CLOCK", "SEED_DEMO_DATA"]);
  });
});

describe("the address lookup's settings", () => {
  it("production refuses the demo gazetteer, naming ADDRESS_PROVIDER", () => {
    expect(deploymentProblems(readLaunchSettings({ ...production, ADDRESS_PROVIDER: "demo" }))).toEqual([
      "ADDRESS_PROVIDER must be os-places in production: the demo gazetteer's addresses are made up",
    ]);
    const { ADDRESS_PROVIDER: _provider, OS_PLACES_API_KEY: _key, ...withoutLookup } = production;
    expect(deploymentProblems(readLaunchSettings(withoutLookup))).toEqual([
      "ADDRESS_PROVIDER is missing (os-places: the demo gazetteer's addresses are made up)",
      "OS_PLACES_API_KEY is missing (the OS Data Hub project's API key for the OS Places API)",
    ]);
  });

  it("production refuses S3_EMBEDDED, which only the launcher sets for its embedded storage", () => {
    expect(deploymentProblems(readLaunchSettings({ ...production, S3_EMBEDDED: "1" }))).toEqual([
      "S3_EMBEDDED must not be set in production: the launcher sets it for the embedded storage only",
    ]);
  });

  it("development takes the demo gazetteer by default, and os-places only with its key", () => {
    expect(readLaunchSettings({}).ADDRESS_PROVIDER).toBeUndefined();
    expect(deploymentProblems(readLaunchSettings({ ADDRESS_PROVIDER: "demo" }))).toEqual([]);
    expect(deploymentProblems(readLaunchSettings({ ADDRESS_PROVIDER: "os-places", OS_PLACES_API_KEY: "key" }))).toEqual([]);
    expect(deploymentProblems(readLaunchSettings({ ADDRESS_PROVIDER: "os-places" }))).toEqual([
      "OS_PLACES_API_KEY is missing (the OS Data Hub project's API key for the OS Places API)",
    ]);
  });

  it("names a malformed ADDRESS_PROVIDER or OS_PLACES_BASE_URL", () => {
    const problems = problemsOf(() => readLaunchSettings({ ADDRESS_PROVIDER: "google", OS_PLACES_BASE_URL: "api.os.uk" }));
    expect(problems).toEqual(['ADDRESS_PROVIDER must be "os-places" or "demo"', "OS_PLACES_BASE_URL must be an http:// or https:// URL"]);
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
