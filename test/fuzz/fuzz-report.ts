import { writeFileSync } from 'node:fs';

/** Cases per run: small in CI, larger from `npm run fuzz` (VECSHARD_FUZZ_RUNS). */
export function fuzzRuns(ciDefault: number): number {
  const asked = Number(process.env.VECSHARD_FUZZ_RUNS);
  return Number.isInteger(asked) && asked > 0 ? asked : ciDefault;
}

/** Statuses seen per method, with one example message each, printed at the end of a run. */
export class FuzzReport {
  private readonly seen = new Map<string, Map<string, { count: number; example: string }>>();
  private calls = 0;
  private readonly internal: string[] = [];
  private readonly hung: string[] = [];

  constructor(private readonly title: string) {}

  record(method: string, status: string, details: string): void {
    this.calls++;
    if (status === 'INTERNAL') this.internal.push(`${method}: ${details}`);
    if (status === 'DEADLINE_EXCEEDED') this.hung.push(`${method}: ${details}`);
    const statuses = this.seen.get(method) ?? new Map<string, { count: number; example: string }>();
    this.seen.set(method, statuses);
    const entry = statuses.get(status) ?? { count: 0, example: details.slice(0, 160) };
    entry.count++;
    statuses.set(status, entry);
  }

  /**
   * The calls that must not happen: every DEADLINE_EXCEEDED (a call that
   * hung), and INTERNAL unless its message matches `expectedInternal`.
   */
  unexpected(expectedInternal: RegExp): string[] {
    return [
      ...this.hung,
      ...this.internal.filter((line) => !expectedInternal.test(line.split(': ').slice(1).join(': '))),
    ];
  }

  /** Calls that ended in `status` (any method), with their example messages. */
  withStatus(status: string): string[] {
    const found: string[] = [];
    for (const [method, statuses] of this.seen) {
      const entry = statuses.get(status);
      if (entry) found.push(`${method}: ${entry.count} × ${entry.example}`);
    }
    return found;
  }

  /** Prints the table; writes it as JSON too where VECSHARD_FUZZ_REPORT names a file. */
  print(cases: number): void {
    const lines = [`${this.title}: ${cases} cases, ${this.calls} calls`];
    for (const [method, statuses] of [...this.seen].sort()) {
      const counts = [...statuses].sort((a, b) => b[1].count - a[1].count).map(([s, e]) => `${s} ${e.count}`);
      lines.push(`  ${method.padEnd(20)} ${counts.join(', ')}`);
    }
    console.log(lines.join('\n'));
    const file = process.env.VECSHARD_FUZZ_REPORT;
    if (file) {
      const table = Object.fromEntries(
        [...this.seen].map(([method, statuses]) => [
          method,
          Object.fromEntries([...statuses].map(([s, e]) => [s, e])),
        ]),
      );
      writeFileSync(
        `${file}.${this.title.replace(/\W+/g, '-')}.json`,
        JSON.stringify({ cases, calls: this.calls, table }, null, 2),
      );
    }
  }
}
