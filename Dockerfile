# The API (with the customer portal it serves) and the projector, built from this repository (see docker-compose.yml).
FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 (the embedded default) builds from source.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
# The portal's assets are built before the prune (Vite and React are dev dependencies: only their output ships).
RUN npx nest build api && npx nest build projector && npm run build:portal && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production DATA_DIR=/data
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# `npm run users:create-admin` (the first admin): its launcher runs the compiled dist/…/create-admin.js here.
COPY scripts/create-admin.js ./scripts/
# Not root: the `node` user of the base image owns DATA_DIR (a new named volume takes this ownership).
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
CMD ["node", "dist/apps/api/apps/api/src/main.js"]
