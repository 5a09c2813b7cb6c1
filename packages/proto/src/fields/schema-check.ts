/**
 * A collection's field schema as CreateCollection sends it, checked and turned
 * into FieldSpecs (and back, for GetCollection and the shard workers).
 */
import type { FieldSchema__Output } from '../generated/vecshard/v1/FieldSchema.js';
import type { FieldType__Output } from '../generated/vecshard/v1/FieldType.js';
import { invalidArgument } from '../rpc-error.js';
import {
  FIELD_LIMITS,
  FIELD_TYPE_NAMES,
  type FieldSpec,
  type FieldTypeName,
  fieldTypeFromWire,
  RESERVED_FIELD_NAMES,
  WIRE_FIELD_TYPES,
} from './field-schema.js';

/** Field names follow the collection-name rule. */
export const FIELD_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

/**
 * The words of the filter expression language (matched case-insensitively).
 * A field with one of these names could not be told apart from the operator,
 * so no field may take them.
 */
export const EXPRESSION_WORDS: readonly string[] = ['and', 'or', 'not', 'in', 'true', 'false', 'is_missing'];

/** A type's name as the proto enum spells it without its prefix, e.g. "KEYWORD": used in messages. */
export function fieldTypeLabel(type: FieldTypeName): string {
  return type.toUpperCase();
}

const TYPE_CHOICES = FIELD_TYPE_NAMES.map(fieldTypeLabel).join(', ');

/** The wire schema → FieldSpecs, refusing what a collection cannot hold (INVALID_ARGUMENT naming the field). */
export function schemaFromWire(fields: FieldSchema__Output[], partitionKey: string): FieldSpec[] {
  if (fields.length > FIELD_LIMITS.maxFields) {
    throw invalidArgument(`${fields.length} fields; a collection has at most ${FIELD_LIMITS.maxFields}`);
  }
  const specs: FieldSpec[] = [];
  const seen = new Set<string>();
  for (const field of fields) {
    checkFieldName(field.name);
    if (seen.has(field.name)) throw invalidArgument(`field "${field.name}" appears twice in the schema`);
    seen.add(field.name);
    specs.push({ name: field.name, type: fieldTypeOf(field) });
  }
  checkPartitionKey(specs, partitionKey);
  return specs;
}

/** FieldSpecs → the wire schema. */
export function schemaToWire(specs: readonly FieldSpec[]): FieldSchema__Output[] {
  return specs.map((spec) => ({ name: spec.name, type: WIRE_FIELD_TYPES[spec.type] as FieldType__Output }));
}

function checkFieldName(name: string): void {
  if (!FIELD_NAME_PATTERN.test(name)) {
    throw invalidArgument(
      `field name "${name}" is not valid: use 1 to 128 characters from A-Z a-z 0-9 _ . -, starting with a letter or digit`,
    );
  }
  const lower = name.toLowerCase();
  if (RESERVED_FIELD_NAMES.includes(lower)) {
    throw invalidArgument(
      `field name "${name}" is reserved: "${lower}" means the row id in filters and output`,
    );
  }
  if (EXPRESSION_WORDS.includes(lower)) {
    throw invalidArgument(
      `field name "${name}" is reserved: "${lower}" is a word of the filter expression language`,
    );
  }
}

function fieldTypeOf(field: FieldSchema__Output): FieldTypeName {
  const type = fieldTypeFromWire(String(field.type));
  if (type === undefined) {
    throw invalidArgument(`field "${field.name}" has no type (${field.type}): set one of ${TYPE_CHOICES}`);
  }
  return type;
}

function checkPartitionKey(specs: readonly FieldSpec[], partitionKey: string): void {
  if (partitionKey === '') return;
  const spec = specs.find((candidate) => candidate.name === partitionKey);
  if (spec === undefined) {
    throw invalidArgument(`partition key "${partitionKey}" is not a field of the schema`);
  }
  if (spec.type !== 'keyword') {
    throw invalidArgument(
      `partition key "${partitionKey}" is ${fieldTypeLabel(spec.type)}; it must name a KEYWORD field`,
    );
  }
}
