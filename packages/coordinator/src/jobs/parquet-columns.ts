import { type Column, type FieldSpec, noneMissing, setMissing } from '@vecshard/proto';
import { permanent } from './job-queue.js';

/** Where a run of values sits in its file, for messages. */
export interface ValuesAt {
  file: string;
  /** The file row (from 0, the vector file's row) of the first value. */
  firstRow: number;
}

/** Why one value cannot be its field's; the caller adds the column and row. */
class BadValue extends Error {}

/**
 * A run of one Parquet column's decoded values (hyparquet's: numbers, bigints,
 * strings, booleans, arrays; null where the file has none) as its field's
 * Column. null is a missing value. A value its field cannot hold (an unsigned
 * integer past int64, NaN, a list with a null element, text that is not JSON)
 * fails the import for good, naming the column and the file row.
 */
export function parquetValuesToColumn(field: FieldSpec, values: ArrayLike<unknown>, at: ValuesAt): Column {
  const missing = noneMissing(values.length);
  const each = <T>(target: { [row: number]: T }, convert: (value: unknown) => T) => {
    for (let row = 0; row < values.length; row++) {
      const value = values[row];
      if (value === null || value === undefined) setMissing(missing, row);
      else target[row] = converted(convert, value, field, at.firstRow + row, at.file);
    }
  };
  const n = values.length;
  switch (field.type) {
    case 'int64': {
      const column = { name: field.name, missing, type: field.type, values: new BigInt64Array(n) };
      each(column.values, toInt64);
      return column;
    }
    case 'double': {
      const column = { name: field.name, missing, type: field.type, values: new Float64Array(n) };
      each(column.values, toDouble);
      return column;
    }
    case 'bool': {
      const column = { name: field.name, missing, type: field.type, values: new Uint8Array(n) };
      each(column.values, toBoolByte);
      return column;
    }
    case 'keyword': {
      const column = { name: field.name, missing, type: field.type, values: new Array<string>(n).fill('') };
      each(column.values, toText);
      return column;
    }
    case 'keywords': {
      const column = { name: field.name, missing, type: field.type, values: new Array<string[]>(n).fill([]) };
      each(column.values, toKeywordSet);
      return column;
    }
    case 'json': {
      const column = { name: field.name, missing, type: field.type, values: new Array<string>(n).fill('') };
      each(column.values, toJsonText);
      return column;
    }
  }
}

function converted<T>(
  convert: (value: unknown) => T,
  value: unknown,
  field: FieldSpec,
  row: number,
  file: string,
): T {
  try {
    return convert(value);
  } catch (error) {
    if (!(error instanceof BadValue)) throw error;
    throw permanent(
      new Error(`row ${row} of ${file}: column "${field.name}" (${field.type}) ${error.message}`),
    );
  }
}

/** INT32 arrives as a number, INT64 and UINT64 as bigints. */
function toInt64(value: unknown): bigint {
  const integer = typeof value === 'number' && Number.isInteger(value) ? BigInt(value) : value;
  if (typeof integer !== 'bigint') throw new BadValue(`holds ${describe(value)}, not an integer`);
  if (BigInt.asIntN(64, integer) !== integer) throw new BadValue(`holds ${integer}, beyond the int64 range`);
  return integer;
}

function toDouble(value: unknown): number {
  const number = typeof value === 'bigint' ? Number(value) : value;
  if (typeof number !== 'number') throw new BadValue(`holds ${describe(value)}, not a number`);
  if (!Number.isFinite(number)) throw new BadValue(`holds ${number}; values must be finite`);
  return number;
}

function toBoolByte(value: unknown): number {
  if (typeof value !== 'boolean') throw new BadValue(`holds ${describe(value)}, not true or false`);
  return value ? 1 : 0;
}

function toText(value: unknown): string {
  if (typeof value !== 'string') throw new BadValue(`holds ${describe(value)}, not a string`);
  return value;
}

function toKeywordSet(value: unknown): string[] {
  if (!Array.isArray(value)) throw new BadValue(`holds ${describe(value)}, not a list of strings`);
  if (!value.every((item) => typeof item === 'string')) {
    throw new BadValue(
      `holds ${describe(value)}: a list of strings may not hold ${describe(value.find((item) => typeof item !== 'string'))}`,
    );
  }
  return value;
}

/** JSON text is checked here, where the row is known, rather than by the upsert. */
function toJsonText(value: unknown): string {
  const text = toText(value);
  try {
    JSON.parse(text);
  } catch (error) {
    throw new BadValue(`holds ${describe(text)}, not JSON text (${(error as Error).message})`);
  }
  return text;
}

/** A value as a message shows it: short, and bigints without throwing. */
function describe(value: unknown): string {
  const text = typeof value === 'bigint' ? `${value}` : (JSON.stringify(value) ?? String(value));
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
