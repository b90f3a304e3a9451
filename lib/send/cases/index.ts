/**
 * EHCP cases, for SEND caseworkers: create, list, view, record a stage or an exception, one verb
 * per file. Every function checks the acting user is staff itself, reads cases of the user's teams
 * only (the team condition is in each query: `caseOfMyTeams`, scope.ts; another team's case is
 * "not-found"), and every view and change writes an audit row (and, for a change, a case event)
 * in the same transaction as the change. Results are the one SEND union (../results.ts).
 */
export * from "../results";
export * from "./create-case";
export * from "./read-model";
export * from "./record-exception";
export * from "./record-stage";
export * from "./scope";
export * from "./view-case";
