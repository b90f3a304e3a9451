/** The long-text limit, apart from its type's schema so that browser code can read it without zod. */
export const LONG_TEXT_MAX_LENGTH = 5000;
