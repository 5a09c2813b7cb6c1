import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { type FieldColumn__Output, type FieldSpec, noneMissing, setMissing } from '@vecshard/proto';
import type { FieldsSource, LocalFile } from './fields-source.js';
import { permanent } from './job-queue.js';

/**
 * The rows' fields of an import: a JSON Lines file (gzipped when it ends in
 * .gz), one object per vector in the file's order, read a batch at a time as
 * the vectors are. Malformed lines fail the job for good, naming the line.
 */
export class FieldsFile implements FieldsSource {
  private line = 0;

  private constructor(
    private readonly name: string,
    private readonly lines: AsyncIterator<string>,
    private readonly close: () => Promise<void>,
  ) {}

  /** Reads `source` (opened by openFieldsSource), named `path` in messages. */
  static read(path: string, source: LocalFile): FieldsFile {
    const raw = createReadStream(source.path);
    const input = source.path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
    const reader = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
    return new FieldsFile(path, reader[Symbol.asyncIterator](), async () => {
      reader.close();
      raw.destroy();
      await source.release();
    });
  }

  /** Skips rows already imported (a resumed job). */
  async skip(rows: number): Promise<void> {
    for (let i = 0; i < rows; i++) await this.nextLine();
  }

  /** The next `rows` rows' fields as upsert columns of `schema`. */
  async next(rows: number, schema: FieldSpec[]): Promise<FieldColumn__Output[]> {
    const objects: Record<string, unknown>[] = [];
    for (let i = 0; i < rows; i++) objects.push(this.parse(await this.nextLine()));
    return toColumns(schema, objects, this.line - rows + 1, this.name);
  }

  async release(): Promise<void> {
    await this.close();
  }

  private async nextLine(): Promise<string> {
    const next = await this.lines.next();
    this.line++;
    if (next.done) {
      throw permanent(
        new Error(`fields file ${this.name} ends at line ${this.line - 1}, before the vectors do`),
      );
    }
    return next.value;
  }

  private parse(text: string): Record<string, unknown> {
    try {
      const value = JSON.parse(text);
      if (value === null || typeof value !== 'object' || Array.isArray(value))
        throw new Error('not an object');
      return value as Record<string, unknown>;
    } catch (error) {
      throw permanent(
        new Error(
          `line ${this.line} of fields file ${this.name} is not a JSON object: ${(error as Error).message}`,
        ),
      );
    }
  }
}

/** JSON objects (one per row) as upsert columns; a key left out or null is a missing value. */
export function toColumns(
  schema: FieldSpec[],
  objects: Record<string, unknown>[],
  firstLine: number,
  file: string,
): FieldColumn__Output[] {
  for (const [i, object] of objects.entries()) {
    for (const key of Object.keys(object)) {
      if (!schema.some((field) => field.name === key)) {
        throw permanent(
          new Error(`line ${firstLine + i} of ${file}: "${key}" is not a field of the collection`),
        );
      }
    }
  }
  return schema.map((field) => {
    const missing = noneMissing(objects.length);
    const values: unknown[] = objects.map((object, row) => {
      const value = object[field.name];
      if (value === undefined || value === null) {
        setMissing(missing, row);
        return placeholder(field);
      }
      return checked(field, value, firstLine + row, file);
    });
    return { ...EMPTY_COLUMN, name: field.name, ...valueList(field, values), missing: Buffer.from(missing) };
  });
}

function placeholder(field: FieldSpec): unknown {
  switch (field.type) {
    case 'int64':
      return '0';
    case 'double':
      return 0;
    case 'bool':
      return false;
    case 'keywords':
      return { values: [] };
    default:
      return '';
  }
}

/** A JSON value as the wire list of its field holds it; the wrong JSON type fails for good. */
function checked(field: FieldSpec, value: unknown, line: number, file: string): unknown {
  const wrong = (expected: string) =>
    permanent(
      new Error(
        `line ${line} of ${file}: field "${field.name}" is ${field.type}, got ${JSON.stringify(value)} (expected ${expected})`,
      ),
    );
  switch (field.type) {
    case 'int64':
      // JSON numbers past 2^53 arrive already rounded: such values must be written as strings.
      if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
      if (typeof value === 'string' && /^-?\d{1,19}$/.test(value)) return value;
      throw wrong('an integer within ±2^53, or a string of digits for larger ones');
    case 'double':
      if (typeof value === 'number') return value;
      throw wrong('a number');
    case 'keyword':
      if (typeof value === 'string') return value;
      throw wrong('a string');
    case 'bool':
      if (typeof value === 'boolean') return value;
      throw wrong('true or false');
    case 'keywords':
      if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return { values: value };
      throw wrong('an array of strings');
    case 'json':
      return JSON.stringify(value);
  }
}

/** A decoded wire column with every value list present, as gRPC hands them over. */
const EMPTY_COLUMN: FieldColumn__Output = {
  name: '',
  int64Values: [],
  doubleValues: [],
  keywordValues: [],
  boolValues: [],
  keywordsValues: [],
  jsonValues: [],
  missing: Buffer.alloc(0),
};

function valueList(field: FieldSpec, values: unknown[]): Partial<FieldColumn__Output> {
  switch (field.type) {
    case 'int64':
      return { int64Values: values as string[] };
    case 'double':
      return { doubleValues: values as number[] };
    case 'keyword':
      return { keywordValues: values as string[] };
    case 'bool':
      return { boolValues: values as boolean[] };
    case 'keywords':
      return { keywordsValues: values as { values: string[] }[] };
    case 'json':
      return { jsonValues: values as string[] };
  }
}
