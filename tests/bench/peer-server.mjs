/**
 * The peer of the bench's side-by-side figures (issue 19, point 3): the DEFRA forms engine
 * (`@defra/forms-engine-plugin`, installed by tests/bench/peer.ts into .data/bench-peer, never a
 * dependency of the portal) started with the package's own server (its `createServer`, what its
 * `npm start` runs), its example form `test.json` and hapi's in-memory session cache.
 *
 * Run: node tests/bench/peer-server.mjs <peer install dir> <port>. It prints "peer listening" once
 * it answers. Settings, set before the package's modules read them:
 * - NODE_ENV=test picks the in-memory cache (catbox-memory) instead of Redis;
 * - isDevelopment off and isProduction on, so Nunjucks and vision cache their templates as in
 *   production (in "test" they would recompile each template on every request);
 * - ENFORCE_CSRF=true, so a POST needs its crumb as in production; logs off (LOG_ENABLED=false);
 *   placeholders for the outside services it names but a form kept in memory never calls.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";

const [peerDir, port] = process.argv.slice(2);
if (!peerDir || !port) throw new Error("usage: peer-server.mjs <peer install dir> <port>");
const packageDir = path.resolve(peerDir, "node_modules/@defra/forms-engine-plugin");
const load = (relative) => import(pathToFileURL(path.join(packageDir, relative)).href);

// The package's config refuses to load without these; none is used by a form kept in memory.
const placeholders = {
  FEEDBACK_LINK: "mailto:bench@example.invalid",
  NOTIFY_TEMPLATE_ID: "unused",
  NOTIFY_API_KEY: "unused",
  MANAGER_URL: "http://127.0.0.1:9",
  DESIGNER_URL: "http://127.0.0.1:9",
  SUBMISSION_URL: "http://127.0.0.1:9",
  UPLOADER_URL: "http://127.0.0.1:9",
  REDIS_HOST: "unused",
  REDIS_USERNAME: "unused",
  REDIS_KEY_PREFIX: "bench-peer",
};
for (const [name, value] of Object.entries(placeholders)) process.env[name] ??= value;

// Its Nunjucks setup finds govuk-frontend with `resolve.sync` and no basedir, which takes the
// caller's file from the stack: under ESM that is a file:// URL, which `resolve` cannot walk up
// from (Node 20). Resolving from the package's own folder finds the same copy.
const { default: resolvePackage } = await import(pathToFileURL(path.resolve(peerDir, "node_modules/resolve/index.js")).href);
const resolveSync = resolvePackage.sync;
resolvePackage.sync = (id, options) => resolveSync(id, { basedir: packageDir, ...options });

const { config } = await load(".server/config/index.js");
config.set("isDevelopment", false);
config.set("isProduction", true);
const { createServer } = await load(".server/server/index.js");
const server = await createServer({ formFileName: "test.json", formFilePath: path.join(packageDir, ".server/server/forms") });
await server.start();
process.stdout.write(`peer listening on ${server.info.uri} (port ${port})\n`);

const stop = async () => {
  await server.stop({ timeout: 2000 });
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
