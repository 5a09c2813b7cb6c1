import * as grpc from '@grpc/grpc-js';

/** Health checks are never turned away: a busy coordinator is not a dead one. */
const EXEMPT_SERVICES = ['/grpc.health.v1.Health/'];

/**
 * A server interceptor that holds at most `limit` calls at once and answers
 * RESOURCE_EXHAUSTED to the ones past it, so a flood of requests costs a
 * refusal each instead of memory without bound. A call counts from its
 * arrival until its status is sent or it is cancelled.
 */
export function concurrencyLimit(
  limit: number,
  onRefused?: (method: string) => void,
): { interceptor: grpc.ServerInterceptor; inFlight: () => number } {
  let inFlight = 0;
  const interceptor: grpc.ServerInterceptor = (method, call) => {
    if (EXEMPT_SERVICES.some((prefix) => method.path.startsWith(prefix)))
      return new grpc.ServerInterceptingCall(call);
    if (inFlight >= limit) {
      onRefused?.(method.path);
      return new grpc.ServerInterceptingCall(call, {
        start: (next) => {
          next({
            onReceiveMetadata: () => {
              call.sendStatus({
                code: grpc.status.RESOURCE_EXHAUSTED,
                details: `the coordinator is serving its limit of ${limit} concurrent requests; retry with backoff`,
                metadata: new grpc.Metadata(),
              });
            },
          });
        },
      });
    }
    inFlight++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      inFlight--;
    };
    return new grpc.ServerInterceptingCall(call, {
      start: (next) => next({ onCancel: release }),
      sendStatus: (status, next) => {
        release();
        next(status);
      },
    });
  };
  return { interceptor, inFlight: () => inFlight };
}
