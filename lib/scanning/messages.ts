/** What a person reads when the scan refuses their file. */
export const infectedMessage = (fileName: string) => `${fileName} contains a virus`;

export const SCAN_UNAVAILABLE_MESSAGE = "The file could not be checked for viruses. Try again later";
