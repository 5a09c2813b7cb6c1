import { invalidArgument, type RpcError } from '../rpc-error.js';

/**
 * A filter expression that does not parse or does not fit the schema.
 * `position` is the 0-based offset (in UTF-16 code units, as JavaScript
 * indexes strings) of the character where the problem starts.
 */
export class FilterExpressionError extends Error {
  override name = 'FilterExpressionError';
  constructor(
    readonly detail: string,
    readonly position: number,
    hint?: string,
  ) {
    super(`${detail} at position ${position} of the filter expression${hint ? `: ${hint}` : ''}`);
  }
}

/** The INVALID_ARGUMENT status a handler answers a bad expression with (the message unchanged). */
export function toInvalidArgument(error: FilterExpressionError): RpcError {
  return invalidArgument(error.message);
}
