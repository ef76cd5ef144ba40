import { defineConfig } from "vitest/config";

// graphql must resolve to one module instance (its CJS entry), or type-graphql's schema and
// ours come from two realms ("Cannot use GraphQLSchema from another module or realm").
const alias = { graphql: "graphql/index.js" };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: {
          name: "integration",
          sequence: { groupOrder: 0 },
          include: ["tests/integration/**/*.int.test.ts"],
          globalSetup: ["tests/integration/global-setup.ts"],
          // Files share one database; they run one after another, tests inside a file in order.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          // After the integration project, never beside it: both use one database, and projects
          // with the same groupOrder run at the same time.
          sequence: { groupOrder: 1 },
          // The built server over real HTTP, driven by the real clients: Chromium, Jupyter, graphql-http.
          include: ["tests/e2e/**/*.e2e.test.ts"],
          globalSetup: ["tests/integration/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 300_000,
          // expect.poll waits for what the page shows after a real request to the API and Neo4j;
          // vitest's default (1 s) failed a neighbourhood expansion on a loaded CI machine.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
