import type { ServerResponse } from 'node:http';

/** Reads what the page shows, by event name; each read is sent when it differs from the last one sent. */
export type EventSources = Record<string, () => Promise<unknown>>;

/**
 * Server-sent events for the console: while at least one page listens, the
 * sources are read every `everyMs` and each one that changed is sent to
 * every listener as `event: <name>`; a page that connects gets all of them at
 * once. The cluster is read once per round whatever the number of pages.
 */
export class ConsoleEvents {
  private readonly listeners = new Set<ServerResponse>();
  private readonly lastSent = new Map<string, string>();
  private timer?: NodeJS.Timeout;
  private reading = false;

  constructor(
    private readonly sources: EventSources,
    private readonly onError: (error: unknown) => void,
    private readonly everyMs = 1000,
  ) {}

  /** Keeps `response` open as an event stream until the page goes away. */
  listen(response: ServerResponse): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    for (const [name, data] of this.lastSent) send(response, name, data);
    this.listeners.add(response);
    response.on('close', () => {
      this.listeners.delete(response);
      if (this.listeners.size === 0) this.pause();
    });
    if (!this.timer) {
      this.timer = setInterval(() => void this.round(), this.everyMs);
      this.timer.unref();
      void this.round();
    }
  }

  close(): void {
    this.pause();
    for (const response of this.listeners) response.end();
    this.listeners.clear();
  }

  private pause(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    // A page that connects later gets fresh reads, not what was sent before the pause.
    this.lastSent.clear();
  }

  private async round(): Promise<void> {
    if (this.reading) return;
    this.reading = true;
    try {
      for (const [name, read] of Object.entries(this.sources)) {
        const data = JSON.stringify(await read());
        if (this.lastSent.get(name) === data) continue;
        this.lastSent.set(name, data);
        for (const response of this.listeners) send(response, name, data);
      }
    } catch (error) {
      this.onError(error);
    } finally {
      this.reading = false;
    }
  }
}

function send(response: ServerResponse, name: string, data: string): void {
  response.write(`event: ${name}\ndata: ${data}\n\n`);
}
