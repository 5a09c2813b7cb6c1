import { type AsyncBuffer, type FileMetaData, parquetRead } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';

/** One row group of a Parquet file: file rows [start, end). */
export interface RowGroupRange {
  start: number;
  end: number;
}

/** One row group's values of some columns, by column name, indexed by row - start. */
export interface LoadedRowGroup extends RowGroupRange {
  columns: Map<string, unknown[]>;
}

const textDecoder = new TextDecoder();

/** The file's row groups in row order. */
export function rowGroupRanges(metadata: FileMetaData): RowGroupRange[] {
  let start = 0;
  return metadata.row_groups.map((group) => {
    const range = { start, end: start + Number(group.num_rows) };
    start = range.end;
    return range;
  });
}

/**
 * Decodes the named columns of one row group, and nothing else: the unit of
 * Parquet's layout, so an import holds one group's fields in memory at a time
 * whatever the file's size. Every codec of the format is read (pandas writes
 * Snappy, Polars ZSTD).
 */
export async function readRowGroup(
  file: AsyncBuffer,
  metadata: FileMetaData,
  group: RowGroupRange,
  columns: readonly string[],
): Promise<LoadedRowGroup> {
  const rows = group.end - group.start;
  const loaded = new Map(columns.map((name) => [name, new Array<unknown>(rows).fill(null)]));
  if (columns.length > 0 && rows > 0) {
    await parquetRead({
      file,
      metadata,
      columns: [...columns],
      rowStart: group.start,
      rowEnd: group.end,
      compressors,
      // JSON columns stay text: a JSON field stores the text, and a parse error then names its row.
      parsers: { jsonFromBytes: (bytes) => bytes && textDecoder.decode(bytes) },
      onChunk: ({ columnName, columnData, rowStart }) => {
        const target = loaded.get(columnName);
        if (!target) return;
        // A chunk may reach outside the group asked for: keep the rows inside it.
        const from = Math.max(0, group.start - rowStart);
        const to = Math.min(columnData.length, group.end - rowStart);
        for (let i = from; i < to; i++) target[rowStart - group.start + i] = columnData[i];
      },
    });
  }
  return { ...group, columns: loaded };
}
