# syntax=docker/dockerfile:1
# Mnemo's image: `docker build -t mnemo .`, then `docker run --env-file .env -p 3000:3000 mnemo`.
# test/ops/image.test.ts repeats these steps without Docker (it reads the COPY, RUN, ENV, CMD and HEALTHCHECK
# lines below), so a file the runtime needs and the image lacks fails `npm test`.
#
# Both stages use the same Node LTS on Debian slim: glibc, so a native add-on built for Node's usual Linux
# target loads (Alpine's musl would need its own builds).

# Build: compile TypeScript with every dependency installed.
FROM node:24-trixie-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# npm ci's postinstall fixes a crash of postgres.js when PostgreSQL restarts (see the script).
COPY scripts/patch-postgres.mjs ./scripts/
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# The build also puts the thesauri beside their compiled loader (dist/languages/thesauri).
COPY scripts/copy-thesauri.mjs ./scripts/
RUN npm run build

# Runtime: production dependencies, the compiled code, migrations and decks; no compiler, no dev tools.
FROM node:24-trixie-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/patch-postgres.mjs ./scripts/
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund
COPY --from=build /app/dist ./dist
COPY drizzle ./drizzle
COPY cards ./cards
# The code stays root-owned and read-only to the app; only the PGlite folder is writable.
RUN mkdir -p /app/data && chown 1000:1000 /app/data
# 1000 is the base image's `node` user; numeric, so Kubernetes' runAsNonRoot can verify it is not root.
USER 1000:1000
ENV DATA_DIR=/app/data CARDS_DIR=/app/cards PORT=3000
EXPOSE 3000
# No curl in slim images: Node's fetch asks /healthz, which answers 200 while the database does.
# 127.0.0.1, not localhost: the server listens on IPv4 and localhost may resolve to ::1 first.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node is PID 1 and gets SIGTERM itself (no npm or shell in between): Mnemo stops within 10 s and exits 0.
CMD ["node", "dist/main.js", "start"]
