import { appSettings } from "@/lib/config/env";
import { scannerFor, type Scanner } from "./scanner";

export { clamdVersion, parseClamdUrl, InstreamScan, type ClamdAddress, type ClamdVersion, type ScanVerdict } from "./clamd";
export { DEFAULT_SCAN_TIMEOUT_MS, SCANNING_OFF, scannerFor, startScan, type ScanOutcome, type Scanner, type ScanSession, type ScanStatus } from "./scanner";
export { infectedMessage, SCAN_UNAVAILABLE_MESSAGE } from "./messages";
export { recordInfectedUpload } from "./audit";

let shared: Scanner | undefined;

/** The app's scanner, from CLAMAV_URL (off when it is unset). */
export function getScanner(): Scanner {
  shared ??= scannerFor(appSettings().CLAMAV_URL);
  return shared;
}
