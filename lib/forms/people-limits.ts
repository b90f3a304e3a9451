/** Limits of "Who is this about?", shared by the page and the check. */
export const MAX_PEOPLE = 10;
export const MAX_NAME_LENGTH = 100;
