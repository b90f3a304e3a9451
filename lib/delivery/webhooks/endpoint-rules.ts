/** Limits an endpoint's address keeps, shared by the admin form's schema and lib. */
export const MAX_ENDPOINT_URL_LENGTH = 2000;
