# One image for every Nastavnik process. The entry point is chosen by the command:
#   node services/participant/dist/main.js   (port 4001)
#   node services/program/dist/main.js       (port 4002)
#   node services/monitoring/dist/main.js    (port 4003)
#   node gateway/dist/main.js                (port 4000, the default command)
#   node workers/analytics/dist/main.js      (health server on 4004)
#   node infra/dist/token.js --role …        (prints a token signed with JWT_SECRET)
# docker-compose.yml runs all of them; see the README's deployment section.
#
# Works with BuildKit and with the legacy builder (no RUN --mount, no COPY --parents).

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- manifests: package files only, so the npm ci layers below are cached until a dependency changes
FROM ${NODE_IMAGE} AS manifests
WORKDIR /app
COPY package.json package-lock.json ./
COPY services/platform/package.json    services/platform/
COPY services/participant/package.json services/participant/
COPY services/program/package.json     services/program/
COPY services/monitoring/package.json  services/monitoring/
COPY gateway/package.json              gateway/
COPY workers/analytics/package.json    workers/analytics/
COPY infra/package.json                infra/
COPY test/package.json                 test/

# ---- build: all dependencies, TypeScript compiled into each workspace's dist/
# --ignore-scripts: no dependency needs its install script (msgpackr finds its prebuilt binary
# package by itself), and the slim image has no compiler for one that would try to build.
FROM manifests AS build
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.base.json ./
COPY services services
COPY gateway gateway
COPY workers workers
COPY infra infra
# infra references every runtime project, so this builds all of them; the test workspace (jest
# end-to-end tests) is not needed in the image and is left out.
RUN npx tsc -b gateway workers/analytics infra

# ---- production dependencies of the runtime workspaces only (infra's embedded PGlite and the test
# workspace's packages stay out); runs in parallel with the build stage under BuildKit
FROM manifests AS prod-deps
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
      --workspace=services/platform \
      --workspace=services/participant \
      --workspace=services/program \
      --workspace=services/monitoring \
      --workspace=gateway \
      --workspace=workers/analytics

# ---- runtime
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    REPORTS_DIR=/var/lib/nastavnik/reports
WORKDIR /app
# node_modules (with the @nastavnik/* workspace links) and every package.json
COPY --from=prod-deps /app ./
COPY --from=build /app/services/platform/dist    services/platform/dist
COPY --from=build /app/services/participant/dist services/participant/dist
COPY --from=build /app/services/program/dist     services/program/dist
COPY --from=build /app/services/monitoring/dist  services/monitoring/dist
COPY --from=build /app/gateway/dist              gateway/dist
# read from join(__dirname, '..', 'supergraph.graphql'), i.e. next to gateway/dist
COPY --from=build /app/gateway/supergraph.graphql gateway/supergraph.graphql
COPY --from=build /app/workers/analytics/dist    workers/analytics/dist
# operator tools (token.js); start.js needs PGlite and is for development only
COPY --from=build /app/infra/dist                infra/dist
# The code stays root-owned and read-only for the service user; the reports directory belongs to
# `node`, so a named volume mounted there starts out writable by it.
RUN mkdir -p "$REPORTS_DIR" && chown node:node "$REPORTS_DIR"
USER node
EXPOSE 4000 4001 4002 4003 4004
# Every service answers GET /ready on its PORT (the gateway's default when PORT is unset).
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "gateway/dist/main.js"]
