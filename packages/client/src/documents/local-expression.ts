import { type Filter__Output, parseFilterExpression } from '@vecshard/proto';
import type { Schema } from './field-columns.js';

/**
 * A filter expression parsed in the client, by the coordinator's own parser,
 * so that a search with it can go one hop. Undefined when it does not parse
 * against the schema this client knows: the coordinator then answers, with
 * its precise error, or with the right result if the schema here is out of
 * date (a worker also refuses a filter that does not fit its fields, which
 * sends the search to the coordinator too).
 */
export function parseLocally(expression: string, schema: Schema): Filter__Output | undefined {
  try {
    return parseFilterExpression(
      expression,
      [...schema].map(([name, type]) => ({ name, type })),
    );
  } catch {
    return undefined;
  }
}
