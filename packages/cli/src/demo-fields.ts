import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SeededRandom } from '@vecshard/datasets';

/** Fashion-MNIST's ten classes, by label. */
export const CLASS_NAMES = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
] as const;

/** The demo collection's fields: the real class, and two made up so filters have something to bite on. */
export const DEMO_FIELDS = { label: 'keyword', price: 'double', tags: 'keywords' } as const;

/** A typical price per class; each row's is spread around it, so "Sneakers under 50" is a minority. */
const BASE_PRICE = [15, 40, 35, 45, 90, 30, 30, 60, 50, 80];
const TAGS = ['new', 'sale', 'bestseller', 'eco', 'limited'];
const TAG_CHANCE = 0.2;

export interface DemoRow {
  label: string;
  price: number;
  tags: string[];
}

/**
 * The fields of every image, from its class label: the class name, a price
 * (log-normal around the class's typical price, in cents) and a few tags.
 * Seeded, so every `up --demo` loads the same rows.
 */
export function demoRows(labels: ArrayLike<number>, seed = 1): DemoRow[] {
  const random = new SeededRandom(seed);
  return Array.from(labels, (label) => {
    const price = BASE_PRICE[label] * Math.exp(0.35 * random.normal());
    return {
      label: CLASS_NAMES[label],
      price: Math.max(1, Math.round(price * 100) / 100),
      tags: TAGS.filter(() => random.next() < TAG_CHANCE),
    };
  });
}

/** Writes the rows as the gzipped JSON Lines file an import's fields_path takes (one object per vector). */
export function writeFieldsFile(path: string, rows: DemoRow[]): void {
  mkdirSync(dirname(path), { recursive: true });
  const text = rows.map((row) => JSON.stringify(row)).join('\n');
  writeFileSync(path, gzipSync(`${text}\n`));
}
