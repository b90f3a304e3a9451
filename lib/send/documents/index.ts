/**
 * Documents to View (guide 004, issue 9): letters and plans the SEND team publishes to a family.
 * The caseworker uploads a file with its date and a description (publish-document.ts); every
 * family member with active access is emailed that a document is waiting (never what it is); the
 * family lists and downloads them (family.ts), and each download is recorded for the caseworker
 * (team.ts). A withdrawn document (withdraw-document.ts) is no longer listed nor downloadable by
 * the family; its file is kept (storage.ts).
 */
export * from "./family";
export * from "./publish-document";
export * from "./shared";
export * from "./team";
export * from "./withdraw-document";
