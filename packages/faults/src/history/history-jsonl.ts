import type { Operation } from './operation.js';

/** A history as JSON Lines: one operation per line, in order of invocation. */
export function toJsonl(operations: readonly Operation[]): string {
  return operations.map((operation) => `${JSON.stringify(operation)}\n`).join('');
}

/** Reads a history written by {@link toJsonl}; blank lines are skipped. */
export function readJsonl(text: string): Operation[] {
  return text
    .split('\n')
    .map((line, at) => [line.trim(), at + 1] as const)
    .filter(([line]) => line.length > 0)
    .map(([line, lineNumber]) => parseOperation(line, lineNumber));
}

function parseOperation(line: string, lineNumber: number): Operation {
  const parsed: unknown = JSON.parse(line);
  const operation = parsed as Partial<Operation>;
  const wellFormed =
    typeof parsed === 'object' &&
    parsed !== null &&
    typeof operation.index === 'number' &&
    typeof operation.key === 'number' &&
    typeof operation.invokedMs === 'number' &&
    (operation.kind === 'upsert' || operation.kind === 'delete' || operation.kind === 'read') &&
    (operation.outcome === 'ok' || operation.outcome === 'fail' || operation.outcome === 'unknown');
  if (!wellFormed) throw new Error(`history line ${lineNumber} is not an operation: ${line}`);
  return parsed as Operation;
}
