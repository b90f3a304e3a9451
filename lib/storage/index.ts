import { appSettings, type AppSettings } from "@/lib/config/env";
import { Storage } from "./storage";

export { Storage } from "./storage";
export type { StoredObject, PutOptions } from "./storage";

export function storageSettingsFrom(settings: AppSettings) {
  return {
    endpoint: settings.S3_ENDPOINT,
    region: settings.S3_REGION,
    bucket: settings.S3_BUCKET,
    accessKeyId: settings.S3_ACCESS_KEY_ID,
    secretAccessKey: settings.S3_SECRET_ACCESS_KEY,
    forcePathStyle: settings.S3_FORCE_PATH_STYLE,
    isEmbedded: settings.S3_EMBEDDED === "1",
  };
}

let shared: Storage | undefined;

/** The app's storage, built from settings on first use. */
export function getStorage(): Storage {
  shared ??= new Storage(storageSettingsFrom(appSettings()));
  return shared;
}
