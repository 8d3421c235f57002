# The app server for production: PostgreSQL through DATABASE_URL, several replicas behind a load
# balancer (see docs/deploy.md). Build: docker build -t referral-loop .
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
# The postinstall step generates both Prisma clients from prisma/schema.prisma.
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:22-bookworm-slim
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0
WORKDIR /app
COPY --from=build /app/package.json /app/server.mjs ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/build ./build
COPY --from=build /app/app ./app
COPY --from=build /app/scripts ./scripts
COPY --from=build /app/prisma ./prisma
USER node
EXPOSE 3000
# Migrations run as a release step (docker run ... npm run db:migrate); MIGRATE_ON_START=1 runs
# them here instead (servers starting together take turns on an advisory lock).
CMD ["sh", "-c", "if [ \"$MIGRATE_ON_START\" = 1 ]; then npm run db:migrate || exit 1; fi; exec node server.mjs"]
