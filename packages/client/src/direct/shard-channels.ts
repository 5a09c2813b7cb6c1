import type * as grpc from '@grpc/grpc-js';
import { type ShardSearchGrpcClient, ShardSearchService } from '@vecshard/proto';

/**
 * One ShardSearch channel per worker address, with the client's own
 * credentials and API key, and the calls each has outstanding: a direct read
 * goes to the READY copy with the fewest (round-robin among equals), which
 * spreads load over copies and steers away from a slow one.
 */
export class ShardChannels {
  private readonly clients = new Map<string, ShardSearchGrpcClient>();
  private readonly outstanding = new Map<string, number>();
  private turn = 0;

  constructor(
    private readonly credentials: grpc.ChannelCredentials,
    private readonly options: grpc.ClientOptions,
  ) {}

  /** The copy to read among `addresses`. */
  pick(addresses: string[]): string {
    this.turn = (this.turn + 1) % addresses.length;
    let best = addresses[this.turn];
    for (let i = 1; i < addresses.length; i++) {
      const candidate = addresses[(this.turn + i) % addresses.length];
      if (this.load(candidate) < this.load(best)) best = candidate;
    }
    return best;
  }

  client(address: string): ShardSearchGrpcClient {
    let client = this.clients.get(address);
    if (!client) {
      client = new ShardSearchService(address, this.credentials, this.options);
      this.clients.set(address, client);
    }
    return client;
  }

  /** Counts a call to `address` until the returned promise settles. */
  async track<T>(address: string, call: Promise<T>): Promise<T> {
    this.outstanding.set(address, this.load(address) + 1);
    try {
      return await call;
    } finally {
      this.outstanding.set(address, this.load(address) - 1);
    }
  }

  close(): void {
    for (const client of this.clients.values()) client.close();
    this.clients.clear();
  }

  private load(address: string): number {
    return this.outstanding.get(address) ?? 0;
  }
}
