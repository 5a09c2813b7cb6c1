import { defineConfig } from 'vitest/config';

// `npm run test:images`: builds the container image and runs the compose file. Slow
// (an image build) and needs a Docker engine, so it is kept out of vitest.config.ts.
export default defineConfig({
  test: {
    include: ['test/images/**/*.test.ts'],
    testTimeout: 300_000,
    // The image build (tens of minutes on slow storage drivers) and `compose up --wait`.
    hookTimeout: 3_600_000,
    fileParallelism: false,
    pool: 'forks',
    reporters: ['default'],
  },
});
