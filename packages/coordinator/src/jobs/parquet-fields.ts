import {
  type Column,
  concatColumns,
  emptyColumns,
  encodeColumns,
  type FieldColumn__Output,
  type FieldSpec,
} from '@vecshard/proto';
import {
  type AsyncBuffer,
  asyncBufferFromFile,
  type FileMetaData,
  parquetMetadataAsync,
  parquetSchema,
} from 'hyparquet';
import type { FieldsSource, LocalFile } from './fields-source.js';
import { permanent } from './job-queue.js';
import { matchParquetColumns, type ParquetValueKind } from './parquet-column-types.js';
import { parquetValuesToColumn } from './parquet-columns.js';
import {
  type LoadedRowGroup,
  type RowGroupRange,
  readRowGroup,
  rowGroupRanges,
} from './parquet-row-groups.js';

/**
 * The rows' fields of an import from a Parquet file: one column per field,
 * row i beside vector i. Batches are cut from one decoded row group at a time
 * (a batch that spans two groups reads both, one after the other). Columns
 * are checked against the collection's fields before the first batch.
 */
export class ParquetFields implements FieldsSource {
  private position = 0;
  private group?: LoadedRowGroup;
  private kinds?: Map<string, ParquetValueKind>;
  private readonly groups: RowGroupRange[];

  private constructor(
    private readonly name: string,
    private readonly file: AsyncBuffer,
    private readonly metadata: FileMetaData,
    private readonly local: LocalFile,
  ) {
    this.groups = rowGroupRanges(metadata);
  }

  /** Reads the file's footer (schema, row groups); nothing of its data yet. */
  static async open(name: string, local: LocalFile): Promise<ParquetFields> {
    try {
      const file = await asyncBufferFromFile(local.path);
      return new ParquetFields(name, file, await parquetMetadataAsync(file), local);
    } catch (error) {
      throw unreadable(name, error);
    }
  }

  get rowCount(): number {
    return this.groups.at(-1)?.end ?? 0;
  }

  /** Skips rows already imported (a resumed job): nothing is read for them. */
  async skip(rows: number): Promise<void> {
    this.position += rows;
  }

  /** The next `rows` rows' fields as upsert columns of `schema`. */
  async next(rows: number, schema: FieldSpec[]): Promise<FieldColumn__Output[]> {
    const kinds = this.columnKinds(schema);
    const end = this.position + rows;
    if (end > this.rowCount) {
      throw permanent(
        new Error(`fields file ${this.name} ends at row ${this.rowCount}, before the vectors do`),
      );
    }
    const parts: Column[][] = [];
    while (this.position < end) {
      const group = await this.groupHolding(this.position, [...kinds.keys()]);
      const to = Math.min(end, group.end);
      parts.push(this.columnsOf(schema, group, this.position, to));
      this.position = to;
    }
    return encodeColumns(parts.length === 1 ? parts[0] : concatColumns(parts));
  }

  async release(): Promise<void> {
    this.group = undefined;
    await this.local.release();
  }

  /** Which fields have a column (checked once: the schema of an import does not change). */
  private columnKinds(schema: FieldSpec[]): Map<string, ParquetValueKind> {
    this.kinds ??= matchParquetColumns(schema, parquetSchema(this.metadata), this.name);
    return this.kinds;
  }

  private async groupHolding(row: number, columns: string[]): Promise<LoadedRowGroup> {
    if (this.group && row >= this.group.start && row < this.group.end) return this.group;
    const range = this.groups.find((group) => row >= group.start && row < group.end) as RowGroupRange;
    this.group = undefined; // the previous group's values go before the next one's arrive
    try {
      this.group = await readRowGroup(this.file, this.metadata, range, columns);
    } catch (error) {
      throw unreadable(this.name, error);
    }
    return this.group;
  }

  /** File rows [from, to) of one loaded group, as one Column per schema field. */
  private columnsOf(schema: FieldSpec[], group: LoadedRowGroup, from: number, to: number): Column[] {
    return schema.map((field) => {
      const values = group.columns.get(field.name);
      if (!values) return emptyColumns([field], to - from)[0];
      const slice = values.slice(from - group.start, to - group.start);
      return parquetValuesToColumn(field, slice, { file: this.name, firstRow: from });
    });
  }
}

/** A file hyparquet cannot read (not Parquet, truncated, an unknown encoding) will not become readable. */
function unreadable(name: string, error: unknown): Error {
  if ((error as { permanent?: boolean }).permanent) return error as Error;
  return permanent(
    new Error(`fields file ${name} is not a readable Parquet file: ${(error as Error).message}`),
  );
}
