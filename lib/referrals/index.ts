/** The referrals side of issue 6: the staff inbox, a referral and its actions, resubmission. */
export * from "./assign";
export * from "./deps";
export * from "./events";
export * from "./inbox";
export * from "./naming";
export * from "./referral";
export * from "./resubmit";
export * from "./staff";
export * from "./status-rules";
export * from "./vocabulary";
