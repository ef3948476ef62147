import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Tests that run the real command (CLI, terminal UI) need dist/ built once, up front.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    // Tests (and the commands they spawn) keep their embedding cache out of the user's cache folder.
    env: { SELARAS_CACHE_DIR: join(tmpdir(), `selaras-test-cache-${process.pid}`) },
    hookTimeout: 120_000,
  },
});
