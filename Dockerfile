# The actorgraph API. Build context: the repository. Neo4j runs in its own container
# (docker-compose.yml); the seed graph ships in cypher/seed.cypher.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json examples.graphql ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
# HOST=0.0.0.0 answers any Host name, since the image cannot know the names it is reached by; set
# ALLOWED_HOSTS (docker-compose.yml does) to refuse others with 421, against DNS rebinding.
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 AUTO_START_DB=false
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json schema.graphql ./
COPY cypher ./cypher
USER node
EXPOSE 4000
# `start` applies the schema, loads the seed into an empty database, then serves.
CMD ["node", "dist/src/cli.js", "start"]
