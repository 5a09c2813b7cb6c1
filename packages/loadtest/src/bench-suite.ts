#!/usr/bin/env node
import { suiteCommand } from './bench-command.js';

// `npm run bench [-- --quick] [-- --out DIR]`: the benchmark suite as a script of its own.
await suiteCommand()
  .name('bench-suite')
  .parseAsync(process.argv)
  .catch((error: Error) => {
    console.error(`bench: ${error.message}`);
    process.exit(1);
  });
