# syntax=docker/dockerfile:1
#
# Integration Hub: the compiled service (`node dist/main.js`) on Node.js 20, as a non-root user.
#
# The build runs the commands CI runs (.ci/run): `npm ci`, whose postinstall step generates the
# Prisma clients and compiles dist/ (`npm run build`); then the development dependencies are
# dropped. It has not been built on the project's offline build machines: keep it to those
# commands. The same image runs the API (the default command), the worker
# (`node dist/cli/hub.js worker`) and the release step (`node dist/cli/migrate.js`).

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
# better-sqlite3 compiles its native binding from source on install.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund
RUN npm run build
# The Prisma CLI and TypeScript are optional peers of @prisma/client, which --omit=dev alone keeps.
RUN npm prune --omit=dev --omit=optional --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The operator console's static files (built by `npm run build` with the service).
COPY --from=build /app/web/dist ./web/dist
# Read at run time: the models (the migration engine's schema) and the migrations.
COPY --from=build /app/prisma/models.prisma ./prisma/models.prisma
COPY --from=build /app/prisma/migrations ./prisma/migrations
# data/ holds the embedded SQLite database (mount a volume there when running without PostgreSQL).
RUN mkdir -p data && chown node:node data
USER node
EXPOSE 4000
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/main.js"]
