import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// One run covers the pure units, the integration suite on each database, and the browser test.
// The integration suite runs once per database: TEST_DATABASE picks it (tests/support/databases.ts).
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["app/**/*.test.ts", "tests/unit/**/*.test.ts"] } },
      {
        extends: true,
        test: { name: "sqlite", include: ["tests/integration/**/*.test.ts"], env: { TEST_DATABASE: "sqlite" } },
      },
      {
        extends: true,
        test: { name: "postgresql", include: ["tests/integration/**/*.test.ts"], env: { TEST_DATABASE: "postgresql" } },
      },
      {
        extends: true,
        test: { name: "browser", include: ["tests/e2e/**/*.test.ts"], env: { TEST_DATABASE: "sqlite" } },
      },
    ],
  },
});
