import { isAbsolute, resolve } from 'node:path';
import { Command } from 'commander';
import { withAddress, withClient } from '../connection.js';
import { followJob } from '../job-progress.js';
import { positiveInteger } from '../up-command.js';

interface ImportFlags {
  address: string;
  firstId: number;
  limit: number;
  batchSize: number;
  trainSize: number;
  fields?: string;
  detach: boolean;
}

/** `vecshard import`: bulk-load a vector file through a job. */
export function importCommand(): Command {
  return withAddress(
    new Command('import')
      .description(
        'import a vector file (.fvecs .bvecs .ivecs .npy, IDX) into a collection; the path is read by the ' +
          'coordinator, under its --import-root (a relative path is taken from the current directory, as for ' +
          'a coordinator on this machine), or "store:KEY" names an object in the cluster\'s store',
      )
      .argument('<collection>')
      .argument('<path>')
      .option('--first-id <n>', 'id of the first row; row i gets first-id + i', positiveInteger, 0)
      .option('--limit <n>', 'rows to import, 0 = all', positiveInteger, 0)
      .option('--batch-size <n>', 'rows per upsert, 0 = the coordinator default', positiveInteger, 0)
      .option(
        '--train-size <n>',
        'rows to train an untrained collection on, 0 = 50 per list',
        positiveInteger,
        0,
      )
      .option(
        '--fields <file>',
        "the rows' fields, row i beside vector i: a JSON Lines file (.gz too), one object per vector, " +
          'or a .parquet file, one column per field; a path as for <path>',
      )
      .option('--detach', 'queue the job and return without following it', false),
  ).action((collection: string, path: string, flags: ImportFlags) =>
    withClient(flags, async (client) => {
      const job = await client.import({
        collection,
        path: coordinatorPath(path),
        firstId: flags.firstId,
        limit: flags.limit,
        batchSize: flags.batchSize,
        trainSize: flags.trainSize,
        fieldsPath: flags.fields === undefined ? undefined : coordinatorPath(flags.fields),
      });
      await followJob(client, job, { detach: flags.detach });
    }),
  );
}

/** `vecshard train`: train a collection on a file's vectors through a job. */
export function trainCommand(): Command {
  return withAddress(
    new Command('train')
      .description('train an untrained collection on the leading rows of a vector file (path as for import)')
      .argument('<collection>')
      .argument('<path>')
      .option('--limit <n>', 'rows to train on, 0 = all', positiveInteger, 0)
      .option('--detach', 'queue the job and return without following it', false),
  ).action((collection: string, path: string, flags: { address: string; limit: number; detach: boolean }) =>
    withClient(flags, async (client) => {
      const job = await client.trainFromFile({ collection, path: coordinatorPath(path), limit: flags.limit });
      await followJob(client, job, { detach: flags.detach });
    }),
  );
}

/**
 * A path as the coordinator is sent it: "store:KEY" as it is, a relative
 * path made absolute from the current directory, which is what someone
 * naming a file here means of a coordinator on this machine (`vecshard up`).
 */
export function coordinatorPath(path: string): string {
  if (path.startsWith('store:') || isAbsolute(path)) return path;
  return resolve(path);
}
