export { appSettings, readAppSettings, readLaunchSettings, ConfigError } from "./env";
export type { AppSettings, LaunchSettings } from "./env";
export { councilSettings, readCouncilSettings } from "./council";
export type { CouncilSettings } from "./council";
