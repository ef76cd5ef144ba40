// ESLint (flat config) with typescript-eslint's type-aware rules, over the server, the CLI, the
// web clients, the benchmarks and the tests. Formatting is Prettier's (`npm run format`), so the
// style rules that would fight it are turned off by eslint-config-prettier.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: ["dist/", "node_modules/", ".neo4j*/", ".venv*/", ".tools/", ".tmp/", "test-results/", "data/", "notebooks/", "scripts/neo4j-launcher/"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: {
        projectService: { allowDefaultProject: ["*.js", "*.ts", "scripts/*.mjs", "scripts/*.d.mts", "src/web/vite.config.ts"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
      // `const { dropped: _d, ...rest } = x` is how the code leaves a property out of a copy.
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true }],
    },
  },
  { files: ["src/web/**"], languageOptions: { globals: globals.browser } },
  {
    // The tests read GraphQL and HTTP responses as untyped JSON, and their assertions are the type
    // check of those bodies; typing every response would duplicate schema.graphql. So `any` and the
    // no-unsafe-* rules are off here, and every other rule stays on.
    files: ["tests/**"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  prettier,
);
