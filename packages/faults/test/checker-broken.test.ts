import { describe, expect, it } from 'vitest';
import { checkHistory } from '../src/checker/check-history.js';
import { formatAnomaly } from '../src/checker/format-anomaly.js';
import { UNREADABLE } from '../src/history/operation.js';
import { history, read, remove, upsert } from './checker-histories.js';

// The checker's "--broken" run: one id per kind of anomaly, each found, each
// reported with its smallest failing window; and valid histories, with
// concurrency and unknown outcomes, that must pass.
const LOST = 1;
const STALE = 2;
const INVERTED = 3;
const FLIP_FLOP = 4;

const broken = history(
  // Writes of 1 then 2, both acknowledged; the read after both still sees 1.
  upsert(LOST, 1, 0, 1),
  upsert(LOST, 2, 4, 5),
  read(LOST, 1, 10, 11),
  // 2 acknowledged at 3, then a read begun at 4 sees 1.
  upsert(STALE, 1, 0, 1),
  upsert(STALE, 2, 2, 3),
  read(STALE, 1, 4, 5),
  upsert(STALE, 3, 6, 7),
  read(STALE, 3, 8, 9),
  // 2 is being written (until 20); a read sees it, a later read sees the older 1 again.
  upsert(INVERTED, 1, 0, 1),
  upsert(INVERTED, 2, 2, 20),
  read(INVERTED, 2, 3, 4),
  read(INVERTED, 1, 5, 6),
  read(INVERTED, 2, 21, 22),
  // Two concurrent writes, both done by 10: the register holds one of them from then on,
  // yet reads see 1, then 2. Neither value is older than the other, so only the search tells.
  upsert(FLIP_FLOP, 1, 0, 10),
  upsert(FLIP_FLOP, 2, 0, 10),
  read(FLIP_FLOP, 1, 11, 12),
  read(FLIP_FLOP, 2, 13, 14),
);

describe('checker on a broken history', () => {
  const report = checkHistory(broken);
  const byKey = new Map(report.anomalies.map((anomaly) => [anomaly.key, anomaly]));

  it('finds one anomaly per broken id, of the right kind', () => {
    expect(report.keysChecked).toBe(4);
    expect(report.operations).toBe(broken.length);
    expect([...byKey.keys()].sort()).toEqual([LOST, STALE, INVERTED, FLIP_FLOP]);
    expect(byKey.get(LOST)?.kinds).toEqual(['lost-write']);
    expect(byKey.get(STALE)?.kinds).toEqual(['stale-read']);
    expect(byKey.get(INVERTED)?.kinds).toEqual(['read-inversion']);
    expect(byKey.get(FLIP_FLOP)?.kinds).toEqual(['not-linearizable']);
  });

  it('reports the smallest failing window of each', () => {
    const window = (key: number) =>
      byKey.get(key)?.window.map((o) => `${o.kind}${o.value === undefined ? '' : ` ${o.value}`}`);
    expect(window(LOST)).toEqual(['upsert 2', 'read 1']);
    expect(window(STALE)).toEqual(['upsert 2', 'read 1']);
    expect(window(INVERTED)).toEqual(['read 2', 'read 1']);
    expect(window(FLIP_FLOP)).toEqual(['read 1', 'read 2']);
  });

  it('names the operations behind each finding', () => {
    const lost = byKey.get(LOST)!.findings[0];
    expect(lost.message).toMatch(/read #\d+ saw value 1 \(from write #\d+\), but write #\d+ of value 2/);
    expect(lost.message).toMatch(/that write is missing/);
    const inversion = byKey.get(INVERTED)!.findings[0];
    expect(inversion.operations).toHaveLength(2);
  });

  it('prints an anomaly with its window, one operation a line', () => {
    const text = formatAnomaly(byKey.get(STALE)!);
    const lines = text.split('\n');
    expect(lines[0]).toBe(`id ${STALE}: stale-read`);
    expect(text).toMatch(/smallest failing window: 2 of the id's 5 operations/);
    expect(lines.at(-2)).toMatch(/^ {4}#\d+ p0 upsert value 2 +ok +2\.000 → 3\.000 ms$/);
    expect(lines.at(-1)).toMatch(/^ {4}#\d+ p0 read\/search → value 1 +ok +4\.000 → 5\.000 ms$/);
  });
});

describe('checker on reads of values no write stored', () => {
  it('a refused write that took effect after all', () => {
    const report = checkHistory(history(upsert(7, 1, 0, 1, 'fail'), read(7, 1, 2, 3)));
    expect(report.anomalies.map((a) => a.kinds)).toEqual([['impossible-read']]);
    expect(report.anomalies[0].window.map((o) => o.kind)).toEqual(['read']);
  });

  it('a read that completed before the write it saw was sent', () => {
    const report = checkHistory(history(read(7, 1, 0, 1), upsert(7, 1, 2, 3)));
    expect(report.anomalies.map((a) => a.kinds)).toEqual([['impossible-read']]);
  });

  it('an unreadable read (two copies of the id)', () => {
    const seen = { ...read(7, UNREADABLE, 2, 3), note: 'id found at ranks 1, 2' };
    const report = checkHistory(history(upsert(7, 1, 0, 1), seen));
    expect(report.anomalies[0].findings[0].message).toMatch(/id found at ranks 1, 2/);
  });
});

describe('checker on valid histories', () => {
  it('passes concurrent writes read in either order while they run', () => {
    const report = checkHistory(
      history(
        upsert(1, 1, 0, 10),
        upsert(1, 2, 1, 11),
        read(1, 1, 2, 3),
        read(1, 2, 4, 5),
        read(1, 2, 12, 13),
        remove(1, 14, 20),
        read(1, 2, 15, 16),
        read(1, null, 17, 18),
        read(1, null, 21, 22),
      ),
    );
    expect(report.anomalies).toEqual([]);
    expect(report.inconclusive).toEqual([]);
  });

  it('passes an unknown write that takes effect long after it was given up on', () => {
    const report = checkHistory(
      history(
        upsert(1, 1, 0, 1),
        upsert(1, 2, 2, 3, 'unknown'),
        read(1, 1, 4, 5),
        upsert(1, 3, 6, 7),
        read(1, 3, 8, 9),
        read(1, 2, 10, 11),
      ),
    );
    expect(report.anomalies).toEqual([]);
    expect(report.unknown).toBe(1);
  });

  it('passes an unknown write that never takes effect, and a refused one', () => {
    const report = checkHistory(
      history(
        upsert(1, 1, 0, 1),
        remove(1, 2, 3, 'unknown'),
        upsert(1, 2, 4, 5, 'fail'),
        read(1, 1, 6, 7),
        read(1, 1, 8, 9),
      ),
    );
    expect(report.anomalies).toEqual([]);
    expect(report.failed).toBe(1);
  });

  it('passes reads of the initial absence and a read overlapping the first write', () => {
    const report = checkHistory(
      history(read(1, null, 0, 1), upsert(1, 1, 2, 6), read(1, null, 3, 4), read(1, 1, 5, 7)),
    );
    expect(report.anomalies).toEqual([]);
  });

  it('ignores reads that failed, whatever they carry', () => {
    const failedRead = { ...read(1, 5, 2, 3), outcome: 'unknown' as const };
    expect(checkHistory(history(upsert(1, 1, 0, 1), failedRead)).anomalies).toEqual([]);
  });
});

describe('checker bookkeeping', () => {
  it('names ids whose acknowledged writes no later read covers', () => {
    const report = checkHistory(
      history(
        upsert(1, 1, 0, 1),
        read(1, 1, 2, 3),
        upsert(2, 1, 0, 1),
        read(2, 1, 0.5, 3),
        upsert(3, 1, 0, 1, 'unknown'),
      ),
    );
    expect(report.keysWithoutFinalRead).toEqual([2]);
  });

  it('calls a search cut short by its bound inconclusive, not anomalous', () => {
    const concurrent = history(upsert(1, 1, 0, 10), upsert(1, 2, 0, 10), read(1, 2, 11, 12));
    expect(checkHistory(concurrent).inconclusive).toEqual([]);
    const bounded = checkHistory(concurrent, { maxSearchStates: 1 });
    expect(bounded.inconclusive).toEqual([1]);
    expect(bounded.anomalies).toEqual([]);
  });
});

describe('checker after a partition', () => {
  // Forty writes of unknown outcome, all pending together, none ever read: a
  // search over their subsets would never end, yet they cannot explain a read.
  const unknownWrites = Array.from({ length: 40 }, (_, i) => upsert(9, 100 + i, 2 + i / 100, 3, 'unknown'));

  it('still proves an anomaly among many unknown writes nobody read', () => {
    const report = checkHistory(
      history(
        ...unknownWrites,
        upsert(9, 1, 0, 10),
        upsert(9, 2, 0, 10),
        read(9, 1, 11, 12),
        read(9, 2, 13, 14),
      ),
      { maxSearchStates: 10_000 },
    );
    expect(report.inconclusive).toEqual([]);
    expect(report.anomalies.map((a) => a.kinds)).toEqual([['not-linearizable']]);
    expect(report.anomalies[0].window.map((o) => o.value)).toEqual([1, 2]);
  });

  it('keeps an unknown write whose value a read saw', () => {
    const report = checkHistory(history(...unknownWrites, read(9, 120, 50, 51), read(9, 120, 52, 53)));
    expect(report.anomalies).toEqual([]);
  });
});
