/**
 * A server action's name for metric labels, from the id Next.js posts it under (the Next-Action
 * header): the build's server-reference-manifest.json gives each id its file and export, so
 * app/staff/admin/actions.ts's inviteStaffAction is "staff/admin/inviteStaffAction". An id the
 * manifest does not know (or an action called without a post) is "unknown": ids are hashes, and
 * a made-up one must not become a label of its own.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

type ActionInfo = { filename?: string; exportedName?: string };
type ServerReferenceManifest = { node?: Record<string, ActionInfo> };

/** "app/(portal)/drafts/[draftId]/cancel/actions.ts" + "cancelDraftAction" → "drafts/[draftId]/cancel/cancelDraftAction". */
export function actionLabel(info: ActionInfo): string {
  if (!info.exportedName) return "unknown";
  const folder = (info.filename ?? "")
    .replace(/\\/g, "/")
    .replace(/^.*?\bapp\//, "")
    .replace(/\/[^/]*$/, "")
    .split("/")
    .filter((segment) => segment && !/^\(.*\)$/.test(segment))
    .join("/");
  return folder ? `${folder}/${info.exportedName}` : info.exportedName;
}

const RELOAD_AFTER_MS = 10_000;
let names: Map<string, string> = new Map();
let loadedAt = 0;

function load(distDir: string): void {
  try {
    const manifest = JSON.parse(readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as ServerReferenceManifest;
    names = new Map(Object.entries(manifest.node ?? {}).map(([id, info]) => [id, actionLabel(info)]));
  } catch {
    names = new Map();
  }
  loadedAt = Date.now();
}

/** The label for the action posted as `actionId` (the manifest is read again now and then, for `next dev`). */
export function actionNameOf(actionId: string | null | undefined, distDir = path.resolve(process.env.PORTAL_DIST_DIR || ".next")): string {
  if (!actionId) return "unknown";
  if (loadedAt === 0 || (!names.has(actionId) && Date.now() - loadedAt > RELOAD_AFTER_MS)) load(distDir);
  return names.get(actionId) ?? "unknown";
}
