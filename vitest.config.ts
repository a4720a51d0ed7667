import { defineConfig } from "vitest/config";

// Two projects: `unit` needs no build or browser (`npm run test:unit`; one file runs in seconds); `sites` builds the
// demo with Astro and drives Chromium (`npm run test:sites`). `npm test` runs both.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 600_000,
    pool: "forks",
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/**/*.test.ts"], exclude: ["tests/sites/**"] } },
      // A build or a browser test shares the machine with the next file's on more cores (Vitest runs one fewer file than
      // there are cores at once): time enough for a build under that load, still a bound on a hang.
      { extends: true, test: { name: "sites", include: ["tests/sites/**/*.test.ts"], testTimeout: 180_000, globalSetup: ["tests/sites/demo-builds-setup.ts"] } },
    ],
  },
});
