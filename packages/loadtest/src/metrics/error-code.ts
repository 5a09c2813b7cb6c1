/**
 * The status name an error is counted under in reports: the gRPC status of
 * client errors (e.g. DEADLINE_EXCEEDED), the binding's code for in-process
 * FAISS errors, INVALID_ARGUMENT for argument checks, otherwise UNKNOWN.
 */
export function errorCodeName(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { codeName, code } = error as { codeName?: unknown; code?: unknown };
    if (typeof codeName === 'string' && codeName !== '') return codeName;
    if (typeof code === 'string' && code.startsWith('ERR_')) return code.slice(4);
  }
  if (error instanceof RangeError || error instanceof TypeError) return 'INVALID_ARGUMENT';
  return 'UNKNOWN';
}
