import { VecshardClient } from '@vecshard/client';
import { type Command, Option } from 'commander';

export const DEFAULT_ADDRESS = '127.0.0.1:50051';

/** Adds `--address` (env VECSHARD_ADDRESS) to a command that talks to a coordinator. */
export function withAddress(command: Command): Command {
  return command.addOption(
    new Option('--address <host:port>', 'coordinator to talk to')
      .env('VECSHARD_ADDRESS')
      .default(DEFAULT_ADDRESS),
  );
}

/** Runs `use` with a client for the coordinator, closing it afterwards. */
export async function withClient<T>(
  address: string,
  use: (client: VecshardClient) => Promise<T>,
): Promise<T> {
  const client = new VecshardClient(address, { deadlineMs: 60_000 });
  try {
    return await use(client);
  } finally {
    client.close();
  }
}
