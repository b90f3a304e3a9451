/** SEND (EHC needs assessment) cases, invitations, family access and the dashboard: issue 8. */
export * from "./access";
export * from "./assign-case";
export * from "./assigned-forms";
export * from "./caseload";
export * from "./cases";
export * from "./dashboard";
export * from "./dates";
export * from "./deps";
export * from "./documents";
export * from "./events";
export * from "./invitations";
export * from "./mail-port";
export * from "./messages";
export * from "./timescales";
