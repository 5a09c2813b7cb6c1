import { afterEach } from 'vitest';
import { describeDeath, takeProcessDeaths } from './processes.js';

// A process a test started (coordinator, worker, redis-server …) that exits
// without the test asking it to fails the test it happened in, naming it,
// with its exit code or signal and its last lines of output. A crash is
// never hidden behind the ECONNREFUSED it causes, nor left for a later test.
afterEach(() => {
  const deaths = takeProcessDeaths();
  if (deaths.length === 0) return;
  throw new Error(
    `${deaths.length} process(es) this test started died unexpectedly:\n\n${deaths.map(describeDeath).join('\n\n')}`,
  );
});
