// Lint rules the code keeps, run by `npm test`. Formatting is Prettier's (prettier.config.js), so no
// rule here is about layout. The layer rule: a route authenticates, calls a module and renders; it
// never reaches the database itself, and no module reaches back into a route.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

const databaseImports = {
  paths: [
    {
      name: "~/server/platform/db.server",
      message: "A route calls a module of app/server; the module reads and writes the database.",
    },
    {
      name: "@prisma/client",
      message: "A route calls a module of app/server; the module reads and writes the database.",
    },
    { name: "#db-client", message: "Only Prisma's types may be imported here (import type).", allowTypeImports: true },
  ],
};

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "node_modules/**",
      "extensions/*/dist/**",
      "public/build/**",
      "tests/artifacts/**",
      "bench/results/**",
      ".cache/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: "module",
      globals: { console: "readonly", process: "readonly", window: "readonly", document: "readonly" },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true },
      ],
      "no-undef": "off", // TypeScript knows the globals of each file better
    },
  },
  {
    // React's rules for the app's components; the tests' use* helpers are Vitest fixtures, not hooks.
    files: ["app/**/*.tsx", "app/components/**"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      // Effects here run once per action answer or per arrival on purpose (each says so), which
      // this rule cannot tell from a forgotten dependency.
      "react-hooks/exhaustive-deps": "off",
    },
  },
  {
    files: ["app/routes/**"],
    rules: {
      "no-restricted-imports": "off",
      "@typescript-eslint/no-restricted-imports": ["error", databaseImports],
      // The context's `db` is handed on to modules, never queried here.
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='db']",
          message: "A route hands `db` to a module of app/server; it does not query it.",
        },
      ],
    },
  },
  {
    files: ["app/server/**", "app/components/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { patterns: [{ group: ["~/routes/*", "**/routes/*"], message: "Modules never import a route." }] },
      ],
    },
  },
  {
    // The rules of the program are pure: no database, no Shopify, no route.
    files: ["app/domain/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["~/routes/*", "**/routes/*"], message: "Modules never import a route." },
            {
              group: ["~/server/*", "**/server/*"],
              message: "A domain rule is pure: it takes data, not the database.",
            },
          ],
        },
      ],
    },
  },
);
