import { readFileSync } from 'node:fs';
import { VecshardClient } from '@vecshard/client';
import { type Command, Option } from 'commander';

export const DEFAULT_ADDRESS = '127.0.0.1:50051';

/** The flags `withAddress` adds. */
export interface ConnectionFlags {
  address: string;
  tlsCa?: string;
  apiKeyFile?: string;
}

/**
 * Adds `--address` (env VECSHARD_ADDRESS), `--tls-ca` (env VECSHARD_TLS_CA) and
 * `--api-key-file` to a command that talks to a coordinator. A key is read from
 * a file or VECSHARD_API_KEY, never from a flag, so it does not show in `ps`.
 */
export function withAddress(command: Command): Command {
  return command
    .addOption(
      new Option('--address <host:port>', 'coordinator to talk to')
        .env('VECSHARD_ADDRESS')
        .default(DEFAULT_ADDRESS),
    )
    .addOption(new Option('--tls-ca <file>', "speak TLS, trusting this CA's PEM file").env('VECSHARD_TLS_CA'))
    .addOption(new Option('--api-key-file <file>', 'file holding the API key (or set VECSHARD_API_KEY)'));
}

/** Runs `use` with a client for the coordinator, closing it afterwards. */
export async function withClient<T>(
  flags: ConnectionFlags,
  use: (client: VecshardClient) => Promise<T>,
): Promise<T> {
  const client = new VecshardClient(flags.address, {
    deadlineMs: 60_000,
    tls: flags.tlsCa ? { ca: readText(flags.tlsCa, '--tls-ca') } : undefined,
    apiKey: flags.apiKeyFile ? readText(flags.apiKeyFile, '--api-key-file').trim() : undefined,
  });
  try {
    return await use(client);
  } finally {
    client.close();
  }
}

function readText(path: string, flag: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`${flag} ${path}: ${(error as Error).message}`);
  }
}
