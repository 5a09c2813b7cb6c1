import { describe, expect, it } from 'vitest';
import { FIELD_LIMITS, type FieldSpec } from '../src/fields/field-schema.js';
import { schemaFromWire, schemaToWire } from '../src/fields/schema-check.js';
import type { FieldSchema__Output } from '../src/generated/vecshard/v1/FieldSchema.js';
import { RpcError } from '../src/rpc-error.js';

const field = (name: string, type: string) => ({ name, type }) as FieldSchema__Output;

function refusal(fields: FieldSchema__Output[], partitionKey = ''): string {
  try {
    schemaFromWire(fields, partitionKey);
  } catch (error) {
    expect(error).toBeInstanceOf(RpcError);
    expect((error as RpcError).code).toBe(3); // INVALID_ARGUMENT
    return (error as Error).message;
  }
  throw new Error('schema accepted');
}

describe('schemaFromWire', () => {
  it('turns every wire type into its name, in order', () => {
    const specs = schemaFromWire(
      [
        field('price', 'FIELD_TYPE_INT64'),
        field('score', 'FIELD_TYPE_DOUBLE'),
        field('tenant', 'FIELD_TYPE_KEYWORD'),
        field('in_stock', 'FIELD_TYPE_BOOL'),
        field('tags', 'FIELD_TYPE_KEYWORDS'),
        field('meta.v2-x', 'FIELD_TYPE_JSON'),
      ],
      'tenant',
    );
    expect(specs).toEqual([
      { name: 'price', type: 'int64' },
      { name: 'score', type: 'double' },
      { name: 'tenant', type: 'keyword' },
      { name: 'in_stock', type: 'bool' },
      { name: 'tags', type: 'keywords' },
      { name: 'meta.v2-x', type: 'json' },
    ]);
  });

  it('accepts no fields and no partition key', () => {
    expect(schemaFromWire([], '')).toEqual([]);
  });

  it('round-trips through schemaToWire', () => {
    const specs: FieldSpec[] = [
      { name: 'a', type: 'keywords' },
      { name: 'b', type: 'bool' },
    ];
    const wire = schemaToWire(specs);
    expect(wire).toEqual([
      { name: 'a', type: 'FIELD_TYPE_KEYWORDS' },
      { name: 'b', type: 'FIELD_TYPE_BOOL' },
    ]);
    expect(schemaFromWire(wire, '')).toEqual(specs);
  });

  it('refuses more fields than the limit', () => {
    const fields = Array.from({ length: FIELD_LIMITS.maxFields + 1 }, (_, i) =>
      field(`f${i}`, 'FIELD_TYPE_BOOL'),
    );
    expect(refusal(fields)).toBe('65 fields; a collection has at most 64');
    expect(schemaFromWire(fields.slice(1), '')).toHaveLength(64);
  });

  it('refuses names outside the collection-name rule', () => {
    for (const name of ['', '_x', 'a b', 'é', 'x'.repeat(129)]) {
      expect(refusal([field(name, 'FIELD_TYPE_BOOL')])).toBe(
        `field name "${name}" is not valid: use 1 to 128 characters from A-Z a-z 0-9 _ . -, starting with a letter or digit`,
      );
    }
    expect(schemaFromWire([field('x'.repeat(128), 'FIELD_TYPE_BOOL')], '')).toHaveLength(1);
  });

  it('refuses the row id and the words of the expression language, in any case', () => {
    expect(refusal([field('ID', 'FIELD_TYPE_INT64')])).toBe(
      'field name "ID" is reserved: "id" means the row id in filters and output',
    );
    for (const word of ['and', 'OR', 'Not', 'in', 'true', 'FALSE', 'is_missing']) {
      expect(refusal([field(word, 'FIELD_TYPE_BOOL')])).toBe(
        `field name "${word}" is reserved: "${word.toLowerCase()}" is a word of the filter expression language`,
      );
    }
    expect(schemaFromWire([field('android', 'FIELD_TYPE_BOOL')], '')).toHaveLength(1);
  });

  it('refuses a name twice', () => {
    expect(refusal([field('a', 'FIELD_TYPE_BOOL'), field('a', 'FIELD_TYPE_INT64')])).toBe(
      'field "a" appears twice in the schema',
    );
  });

  it('refuses a field without a type', () => {
    expect(refusal([field('a', 'FIELD_TYPE_UNSPECIFIED')])).toBe(
      'field "a" has no type (FIELD_TYPE_UNSPECIFIED): set one of INT64, DOUBLE, KEYWORD, BOOL, KEYWORDS, JSON',
    );
    expect(refusal([field('a', 9 as unknown as string)])).toMatch(/^field "a" has no type \(9\)/);
  });

  it('refuses a partition key that is not a KEYWORD field', () => {
    const fields = [field('tenant', 'FIELD_TYPE_KEYWORD'), field('tags', 'FIELD_TYPE_KEYWORDS')];
    expect(refusal(fields, 'org')).toBe('partition key "org" is not a field of the schema');
    expect(refusal(fields, 'tags')).toBe('partition key "tags" is KEYWORDS; it must name a KEYWORD field');
    expect(schemaFromWire(fields, 'tenant')).toHaveLength(2);
  });
});
