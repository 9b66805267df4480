# Duban (督办): one image for every instance. Built from the lock file with `npm ci` and
# `npm run build`, exactly as on a server; nothing is downloaded but npm packages (Prisma runs its
# engine as WASM, the PDF font comes from npm, fonts are never fetched from the web).
#   docker build -t duban .
#   docker run --env-file duban.env -p 3000:3000 duban          (docs/deploy.md)

# Node 22 LTS. 20.19+ works as well; the AWS SDK warns at start that its releases after January 2027 need 22.
FROM node:22-bookworm-slim AS build
ENV NEXT_TELEMETRY_DISABLED=1
WORKDIR /app
COPY . .
# npm ci runs postinstall (prisma generate) and refuses a lock file out of step with package.json.
RUN npm ci --no-audit --no-fund && npm run build

FROM node:22-bookworm-slim
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000
WORKDIR /app
# The whole app, node_modules included: besides the server, an instance runs npm run db:migrate,
# admin:create, backup and restore, which are TypeScript run by tsx.
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3000
# Liveness only: readiness (database, storage, migrations) is for the load balancer, /api/health/ready.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
  CMD node -e "fetch('http://127.0.0.1:' + process.env.PORT + '/api/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# What `npm start` runs, without npm in between, so that SIGTERM reaches the server and it finishes
# the requests in flight before it stops.
CMD ["node", ".next/duban-server.cjs"]
