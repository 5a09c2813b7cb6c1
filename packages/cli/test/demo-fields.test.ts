import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CLASS_NAMES, demoRows, writeFieldsFile } from '../src/demo-fields.js';

const labels = Float32Array.from({ length: 10_000 }, (_, i) => (i * 7) % 10);

describe('the demo fields', () => {
  it('names each row by its class and is the same on every run', () => {
    const rows = demoRows(labels);
    expect(rows.map((row) => row.label)).toEqual([...labels].map((label) => CLASS_NAMES[label]));
    expect(demoRows(labels)).toEqual(rows);
    expect(demoRows(labels, 2)).not.toEqual(rows);
  });

  it('gives positive prices in cents and tag sets, so the demo filter matches some Sneakers, not most', () => {
    const rows = demoRows(labels);
    for (const row of rows) {
      expect(row.price).toBeGreaterThanOrEqual(1);
      expect(Math.round(row.price * 100) / 100).toBe(row.price);
      expect(new Set(row.tags).size).toBe(row.tags.length);
    }
    const sneakers = rows.filter((row) => row.label === 'Sneaker');
    const cheap = sneakers.filter((row) => row.price < 50).length / sneakers.length;
    expect(cheap).toBeGreaterThan(0.1);
    expect(cheap).toBeLessThan(0.5);
    expect(rows.some((row) => row.tags.length === 0) && rows.some((row) => row.tags.length > 1)).toBe(true);
  });

  it('writes one JSON object per row, in order, gzipped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'demo-fields-'));
    try {
      const rows = demoRows(labels.subarray(0, 50));
      const path = join(dir, 'nested', 'fields.jsonl.gz');
      writeFieldsFile(path, rows);
      const lines = gunzipSync(readFileSync(path)).toString().trimEnd().split('\n');
      expect(lines.map((line) => JSON.parse(line))).toEqual(rows);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
