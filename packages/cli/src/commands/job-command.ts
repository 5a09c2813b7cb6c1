import { Command } from 'commander';
import { withAddress, withClient } from '../connection.js';
import { followJob } from '../job-progress.js';

/** `vecshard job`: show a job, or follow it to its end. */
export function jobCommand(): Command {
  return withAddress(
    new Command('job')
      .description('show a job (import, snapshot, restore, recover); --watch follows it')
      .argument('<id>')
      .option('--watch', 'follow the job until it ends', false),
  ).action((id: string, flags: { address: string; watch: boolean }) =>
    withClient(flags, async (client) => {
      const job = await client.getJob(id);
      if (flags.watch && job.state !== 'completed' && job.state !== 'failed') {
        await followJob(client, job);
        return;
      }
      console.log(JSON.stringify(job, null, 2));
      if (job.state === 'failed') process.exitCode = 1;
    }),
  );
}
