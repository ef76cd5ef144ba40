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
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"] },
      },
      {
        extends: true,
        test: {
          name: "integration",
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
          // The built server over real HTTP, driven by the real clients: Chromium, Jupyter, graphql-http.
          include: ["tests/e2e/**/*.e2e.test.ts"],
          globalSetup: ["tests/integration/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
