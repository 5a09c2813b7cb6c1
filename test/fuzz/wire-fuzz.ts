import type { PackageDefinition } from '@grpc/proto-loader';
import fc from 'fast-check';
import { type FuzzTargets, flipped, messageArbitrary, truncated } from './request-arbitraries.js';
import type { CallOutcome, WireCaller } from './wire-caller.js';

/** One gRPC method as proto-loader describes it. */
interface MethodDefinition {
  path: string;
  responseStream: boolean;
  requestSerialize: (value: object) => Buffer;
  requestType: { type: { name: string } };
}

/** A fuzzed call: the method, and the bytes that go on the wire. */
export interface FuzzCall {
  method: string;
  path: string;
  responseStream: boolean;
  bytes: Buffer;
}

/**
 * Calls to every method of a service: a random request serialized as a
 * client would, then sent as is, cut short, with bytes overwritten, or with
 * garbage appended. Methods not in `readOnly` are only aimed at the scratch
 * collections, so the kept data must come through unchanged.
 */
export function callArbitrary(
  definition: PackageDefinition,
  serviceName: string,
  targets: FuzzTargets,
  readOnly: Set<string>,
): fc.Arbitrary<FuzzCall> {
  const packageName = serviceName.slice(0, serviceName.lastIndexOf('.'));
  const service = definition[serviceName] as unknown as Record<string, MethodDefinition>;
  const perMethod = Object.entries(service).map(([method, def]) => {
    const typeName = `${packageName}.${def.requestType.type.name}`;
    const request = messageArbitrary(definition, typeName, targets, !readOnly.has(method));
    const serialized = request.map((value) => serialize(def, value));
    const bytes = fc.oneof(
      { weight: 6, arbitrary: serialized },
      { weight: 1, arbitrary: truncated(serialized) },
      { weight: 1, arbitrary: flipped(serialized) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(serialized, fc.uint8Array({ minLength: 1, maxLength: 64 }))
          .map(([b, tail]) => Buffer.concat([b, tail])),
      },
    );
    return bytes.map(
      (b): FuzzCall => ({ method, path: def.path, responseStream: def.responseStream, bytes: b }),
    );
  });
  return fc.oneof(...perMethod);
}

/** Serializes as the method's client would; a value the serializer refuses goes as its JSON bytes instead. */
function serialize(def: MethodDefinition, value: object): Buffer {
  try {
    return def.requestSerialize(value);
  } catch {
    return Buffer.from(JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? String(v) : v)));
  }
}

/** Sends a batch of calls at once (so drops race writes and searches) and resolves with every outcome. */
export function sendConcurrently(caller: WireCaller, calls: FuzzCall[]): Promise<CallOutcome[]> {
  return Promise.all(calls.map((call) => caller.call(call.path, call.responseStream, call.bytes)));
}
