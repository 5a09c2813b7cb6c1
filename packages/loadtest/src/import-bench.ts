#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { defaultImportRuns, runImportBench } from './import/run-import-bench.js';

// `npm run bench:import [-- --count N] [-- --replicas 1,2] [-- --only synthetic|fashion-mnist]`:
// bulk `Import` of a file against FAISS `add` of the same file (issue 25, target 2). Writes
// bench/results/import.{json,md,svg} and merges its rows (`suite: "import"`, with
// `import_x_faiss`) into bench/results/latest.json, keeping every other row.
const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000000' },
    replicas: { type: 'string', default: '1,2' },
    workers: { type: 'string', default: '2' },
    only: { type: 'string' },
    out: { type: 'string', default: 'bench/results' },
    note: { type: 'string' },
  },
});

const runs = defaultImportRuns(Number(values.count)).filter(
  (run) => !values.only || run.dataset.kind === values.only,
);
await runImportBench({
  runs,
  replicationFactors: values.replicas!.split(',').map(Number),
  workers: Number(values.workers),
  outDir: values.out!,
  note: values.note,
}).catch((error: Error) => {
  console.error(`bench:import: ${error.stack ?? error.message}`);
  process.exit(1);
});
