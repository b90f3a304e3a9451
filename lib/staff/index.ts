/** Staff teams and roles (issue 16): who may open what, as data and as SQL. */
export * from "./memberships";
export * from "./my-work";
export * from "./roles";
export * from "./scope";
export * from "./teams";
