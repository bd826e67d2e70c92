import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    globalSetup: ['test/setup/specs-notice.ts'],
    // Checks every emulator exchange against the official Konnect specs (skipped when ../shared is absent).
    setupFiles: ['test/setup/conformance.ts'],
  },
});
