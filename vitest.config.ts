import { configDefaults, defineConfig } from 'vitest/config';

// One config for every package: unit tests live beside each package, cluster
// tests (real redis-server, real worker processes over loopback gRPC) under test/.
export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    // Image tests build and run containers: `npm run test:images` (vitest.images.config.ts).
    exclude: [...configDefaults.exclude, 'test/images/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Cluster tests start processes and native FAISS uses both cores: run files one
    // at a time so timings stay sane on a 2-core machine.
    fileParallelism: false,
    pool: 'forks',
    reporters: ['default'],
    // A process a test started that dies unasked fails that test, with its last output.
    setupFiles: ['test/helpers/report-process-deaths.ts'],
  },
});
