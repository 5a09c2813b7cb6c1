import type { PackageDefinition } from '@grpc/proto-loader';
import fc from 'fast-check';

/**
 * Random requests for any method of a proto-loader package, built from the
 * message descriptors so every field of every RPC is covered, with values
 * chosen to hurt: wrong byte lengths, NaN and infinities, huge and zero
 * counts, unknown enum values, odd names. Fields are recognised by name
 * where a better-aimed value helps (vectors, ids, k, collection names).
 */
export interface FuzzTargets {
  /** Vector width of the collections under test. */
  dim: number;
  /** Collection names calls may change (created, dropped, written concurrently). */
  scratchNames: string[];
  /** Collection names only read: the data that must survive. */
  keptNames: string[];
  /** Valid-looking bytes for `template` fields (a real index, to be truncated or flipped). */
  template?: Buffer;
}

interface FieldDescriptor {
  name: string;
  label: string;
  type: string;
  typeName: string;
}

const INTERESTING_UINT32 = [0, 1, 2, 3, 7, 100, 1024, 65_536, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1];
const INTERESTING_UINT64 = ['0', '1', '1000', '4294967296', '9007199254740993', '18446744073709551615'];
const SPECIAL_FLOATS = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  3.4e38,
  -3.4e38,
  1e-45,
];

/** A request object for `typeName` (fully qualified), ready for the method's serializer. */
export function messageArbitrary(
  definition: PackageDefinition,
  typeName: string,
  targets: FuzzTargets,
  mayChange: boolean,
  depth = 0,
): fc.Arbitrary<Record<string, unknown>> {
  const descriptor = definition[typeName] as unknown as { type: { field: FieldDescriptor[] } };
  const packageName = typeName.slice(0, typeName.lastIndexOf('.'));
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const field of descriptor.type.field) {
    const single = fieldArbitrary(definition, packageName, field, targets, mayChange, depth);
    fields[camelCase(field.name)] =
      field.label === 'LABEL_REPEATED'
        ? fc.array(single, { maxLength: field.type === 'TYPE_MESSAGE' ? 4 : 40 })
        : single;
  }
  const independent = fc.record(fields, { requiredKeys: [] });
  const names = descriptor.type.field.map((field) => field.name);
  if (!names.includes('ids') || !names.includes('vectors')) return independent;
  // Writes whose ids, vectors (and lists) agree in count get past validation and reach
  // the shards, the write log and the races with concurrent drops.
  const coherent = fc.integer({ min: 1, max: 16 }).chain((rows) =>
    fc.record(
      {
        ...fields,
        ids: longs(rows, 2000n),
        vectors: fc
          .array(fc.float({ noNaN: true, min: -10, max: 10 }), {
            minLength: rows * targets.dim,
            maxLength: rows * targets.dim,
          })
          .map((values) => Buffer.from(Float32Array.from(values).buffer)),
        ...(names.includes('lists') ? { lists: longs(rows, 7n) } : {}),
      },
      { requiredKeys: ['ids', 'vectors'] },
    ),
  );
  return fc.oneof(independent, coherent);
}

/** `count` int64 values in 0..max, as bytes. */
function longs(count: number, max: bigint): fc.Arbitrary<Buffer> {
  return fc
    .array(fc.bigInt({ min: 0n, max }), { minLength: count, maxLength: count })
    .map((values) => Buffer.from(BigInt64Array.from(values).buffer));
}

/** Nesting levels of generated messages. */
const MAX_MESSAGE_DEPTH = 4;

/**
 * A field's message type, fully qualified: a leading dot is absolute; else
 * protobuf's scoping, innermost package first (the worker API names the
 * public messages as "v1.FieldColumn").
 */
function resolveTypeName(definition: PackageDefinition, packageName: string, typeName: string): string {
  if (typeName.startsWith('.')) return typeName.slice(1);
  const scopes = packageName.split('.');
  for (let n = scopes.length; n >= 0; n--) {
    const candidate = [...scopes.slice(0, n), typeName].join('.');
    if (definition[candidate]) return candidate;
  }
  throw new Error(`message type ${typeName} (from ${packageName}) is not in the package definition`);
}

function fieldArbitrary(
  definition: PackageDefinition,
  packageName: string,
  field: FieldDescriptor,
  targets: FuzzTargets,
  mayChange: boolean,
  depth: number,
): fc.Arbitrary<unknown> {
  switch (field.type) {
    case 'TYPE_STRING':
      return stringArbitrary(field.name, targets, mayChange);
    case 'TYPE_BYTES':
      return bytesArbitrary(field.name, targets);
    case 'TYPE_UINT32':
      return fc.oneof(
        { weight: 2, arbitrary: fc.constantFrom(targets.dim, ...INTERESTING_UINT32) },
        { weight: 1, arbitrary: fc.nat({ max: 2 ** 32 - 1 }) },
      );
    case 'TYPE_UINT64':
      return fc.oneof(
        fc.constantFrom(...INTERESTING_UINT64),
        fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map(String),
      );
    case 'TYPE_INT64':
      return fc.oneof(
        fc.constantFrom('0', '-1', '9223372036854775807', '-9223372036854775808'),
        fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String),
      );
    case 'TYPE_BOOL':
      return fc.boolean();
    case 'TYPE_DOUBLE':
      return fc.double();
    case 'TYPE_ENUM':
      // Known values by number, and numbers no version of the proto defines.
      return fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom(4, 99, 2 ** 31 - 1, -1));
    case 'TYPE_MESSAGE': {
      // Recursive messages (a filter's nested filter) stop a few levels down.
      if (depth >= MAX_MESSAGE_DEPTH) return fc.constant(undefined);
      const nested = resolveTypeName(definition, packageName, field.typeName);
      return messageArbitrary(definition, nested, targets, mayChange, depth + 1);
    }
    default:
      return fc.constant(undefined);
  }
}

function stringArbitrary(name: string, targets: FuzzTargets, mayChange: boolean): fc.Arbitrary<string> {
  const odd = fc.oneof(
    fc.constantFrom('', ' ', '..', '../../etc/passwd', '/', '\u0000', 'é', 'a'.repeat(300), '*', '%s%n'),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
  );
  if (name === 'collection' || name === 'name') {
    const names = mayChange ? targets.scratchNames : [...targets.scratchNames, ...targets.keptNames];
    return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: odd });
  }
  if (name === 'index')
    return fc.oneof(
      fc.constantFrom(
        'IVF4,Flat',
        'IVF8,SQ8',
        'IVF2,PQ2',
        'IVF1,Flat',
        'IVF99999999,Flat',
        'Flat',
        'IVF4,PQ3',
        'HNSW32',
      ),
      odd,
    );
  return odd;
}

function bytesArbitrary(name: string, targets: FuzzTargets): fc.Arbitrary<Buffer> {
  const raw = fc.uint8Array({ maxLength: 600 }).map((bytes) => Buffer.from(bytes));
  if (name === 'vectors' || name === 'queries' || name === 'centroid_distances' || name === 'codes') {
    const rows = fc.integer({ min: 0, max: 12 });
    const float = fc.oneof(
      { weight: 8, arbitrary: fc.float({ noNaN: true, min: -10, max: 10 }) },
      { weight: 1, arbitrary: fc.constantFrom(...SPECIAL_FLOATS) },
    );
    const whole = rows.chain((n) =>
      fc.array(float, { minLength: n * targets.dim, maxLength: n * targets.dim }),
    );
    const floats = whole.map((values) => Buffer.from(Float32Array.from(values).buffer));
    return fc.oneof(
      { weight: 3, arbitrary: floats },
      { weight: 1, arbitrary: truncated(floats) },
      { weight: 1, arbitrary: raw },
    );
  }
  if (name === 'ids' || name === 'replace_ids' || name === 'lists') {
    const values = fc.array(
      fc.oneof(fc.bigInt({ min: 0n, max: 2000n }), fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })),
      { maxLength: 12 },
    );
    const longs = values.map((v) => Buffer.from(BigInt64Array.from(v).buffer));
    return fc.oneof(
      { weight: 3, arbitrary: longs },
      { weight: 1, arbitrary: truncated(longs) },
      { weight: 1, arbitrary: raw },
    );
  }
  if (name === 'template' && targets.template) {
    const real = fc.constant(targets.template);
    return fc.oneof(real, truncated(real), flipped(real), raw);
  }
  return raw;
}

/** The bytes cut short somewhere (a length that is no longer a multiple of anything). */
export function truncated(bytes: fc.Arbitrary<Buffer>): fc.Arbitrary<Buffer> {
  return bytes.chain((b) => fc.nat({ max: Math.max(0, b.length - 1) }).map((cut) => b.subarray(0, cut)));
}

/** The bytes with a few of them overwritten. */
export function flipped(bytes: fc.Arbitrary<Buffer>): fc.Arbitrary<Buffer> {
  return bytes.chain((b) =>
    fc
      .array(fc.tuple(fc.nat({ max: Math.max(0, b.length - 1) }), fc.integer({ min: 0, max: 255 })), {
        minLength: 1,
        maxLength: 8,
      })
      .map((edits) => {
        const copy = Buffer.from(b);
        for (const [at, value] of edits) if (at < copy.length) copy[at] = value;
        return copy;
      }),
  );
}

function camelCase(name: string): string {
  return name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}
