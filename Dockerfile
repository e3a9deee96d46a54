# Portail Famille: one image for deploy previews and for production.
#   docker build -t portail-famille .
#   docker run -p 3000:3000 -v portail-donnees:/data -e PREVIEW=1 portail-famille        # a preview
#   docker run -p 3000:3000 -v portail-donnees:/data -e DATABASE_URL=… -e … portail-famille  # production
# Without DATABASE_URL the embedded PostgreSQL (PGlite) keeps its data in the /data volume, with the uploads;
# with it, that PostgreSQL is used and migrated at start. scripts/preview.ts checks what this file's CMD does.
ARG NODE_VERSION=20.20.2

# Dependencies, exactly as locked (the schema is not there yet: prisma generate waits for the sources).
FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# The build: next build with output "standalone", then scripts/standalone.ts adds the static files and the
# start scripts bundled to plain JavaScript.
FROM deps AS build
ENV NEXT_TELEMETRY_DISABLED=1
COPY . .
RUN node scripts/prisma-generate.mjs && npm run build

# What runs: the standalone tree only, as the unprivileged user of the node image.
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
# pg_dump and pg_restore for `npm run sauvegarde` / `restauration` against PostgreSQL (the client tools only).
RUN apt-get update \
  && apt-get install -y --no-install-recommends postgresql-client \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    DATA_DIR=/data
ARG GIT_COMMIT=""
ENV GIT_COMMIT=${GIT_COMMIT}
WORKDIR /app
RUN mkdir -p /data && chown node:node /data
COPY --from=build --chown=node:node /app/.next/standalone ./
USER node
VOLUME ["/data"]
EXPOSE 3000
# /api/sante answers 200 once the database answers (503 otherwise); the first start migrates and seeds.
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/sante`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM (docker stop): the server stops taking requests, finishes the running ones and the mail being sent,
# closes the database; give it up to 30 s (docker stop --time 35).
STOPSIGNAL SIGTERM
CMD ["node", "scripts/start.mjs"]
