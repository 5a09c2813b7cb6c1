import type { Operation } from '../history/operation.js';
import type { Anomaly } from './anomaly.js';
import { describeValue } from './fast-checks.js';

/** An anomaly for people: what was seen, then the smallest failing window, one operation a line. */
export function formatAnomaly(anomaly: Anomaly): string {
  const lines = [`id ${anomaly.key}: ${anomaly.kinds.join(', ')}`];
  for (const finding of anomaly.findings) {
    const more = finding.count > 1 ? ` (and ${finding.count - 1} more like it)` : '';
    lines.push(`  ${finding.kind}: ${finding.message}${more}`);
  }
  lines.push(
    `  smallest failing window: ${anomaly.window.length} of the id's ${anomaly.historyLength} operations`,
  );
  for (const operation of anomaly.window) lines.push(`    ${formatOperation(operation)}`);
  return lines.join('\n');
}

/** "#12 p3 upsert value 4          ok       1523.118 → 1530.402 ms" */
export function formatOperation(operation: Operation): string {
  const what =
    operation.kind === 'read'
      ? `read/${operation.via ?? '?'}${operation.value === undefined ? '' : ` → ${describeValue(operation.value)}`}`
      : operation.kind === 'delete'
        ? 'delete'
        : `upsert ${describeValue(operation.value ?? null)}`;
  const until = operation.completedMs === undefined ? '…' : operation.completedMs.toFixed(3);
  const tail = [operation.final ? 'final' : '', operation.note ?? '', operation.error ?? '']
    .filter((part) => part.length > 0)
    .join('; ');
  return (
    `#${operation.index} p${operation.process} ${what.padEnd(28)} ${operation.outcome.padEnd(8)} ` +
    `${operation.invokedMs.toFixed(3)} → ${until} ms${tail ? `  (${tail})` : ''}`
  );
}
