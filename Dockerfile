# syntax=docker/dockerfile:1
# Build: compile TypeScript with every dependency installed.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# Runtime: production dependencies, the compiled code, migrations and decks; no compiler, no dev tools.
FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY drizzle ./drizzle
COPY cards ./cards
RUN mkdir -p /app/data && chown node:node /app/data
USER node
ENV DATA_DIR=/app/data CARDS_DIR=/app/cards
# Node gets the signals itself (no npm in between).
CMD ["node", "dist/main.js", "start"]
