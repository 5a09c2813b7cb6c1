/** A markdown table of rows with the same fields, one column per field, in the first row's order. */
export function markdownTable<T extends object>(rows: T[]): string {
  const columns = Object.keys(rows[0] ?? {}) as (keyof T)[];
  return [
    `| ${columns.join(' | ')} |`,
    `| ${columns.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${columns.map((c) => row[c]).join(' | ')} |`),
  ].join('\n');
}

/** A figure rounded for a report (two decimals unless told). */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
