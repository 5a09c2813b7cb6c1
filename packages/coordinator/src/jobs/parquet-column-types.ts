import type { FieldSpec, FieldTypeName } from '@vecshard/proto';
import type { SchemaElement, SchemaTree } from 'hyparquet';
import { permanent } from './job-queue.js';

/** What a Parquet column's values are, as far as a field's type cares. */
export type ParquetValueKind =
  | 'integer'
  | 'float'
  | 'bool'
  | 'string'
  | 'json-text'
  | 'string-list'
  | 'other';

/** A top-level column of a Parquet file: what it holds and how to name its type in a message. */
export interface ParquetColumnType {
  kind: ParquetValueKind;
  /** The physical type and its annotation, e.g. `INT64 (TIMESTAMP_MILLIS)`, `LIST<BYTE_ARRAY (UTF8)>`. */
  label: string;
}

/** The Parquet kinds each field type takes, and how to say so. */
const ACCEPTED: Record<FieldTypeName, { kinds: readonly ParquetValueKind[]; wanted: string }> = {
  int64: { kinds: ['integer'], wanted: 'INT32 or INT64' },
  // An integer column widens without loss below 2^53, as a JSON number does in a JSONL file.
  double: { kinds: ['float', 'integer'], wanted: 'FLOAT or DOUBLE (or an integer type)' },
  keyword: { kinds: ['string'], wanted: 'a string (BYTE_ARRAY, UTF8)' },
  bool: { kinds: ['bool'], wanted: 'BOOLEAN' },
  keywords: { kinds: ['string-list'], wanted: 'a LIST of strings' },
  json: { kinds: ['string', 'json-text'], wanted: 'a string or JSON column holding JSON text' },
};

/**
 * The kind of each column that feeds a field, by field name; fields without a
 * column are absent (every row missing). Refuses for good, naming the column,
 * a column that is not a field of the collection (Milvus's bulk insert refuses
 * them too, and a misspelt name would otherwise leave its field empty) and a
 * column whose Parquet type does not fit its field's type.
 */
export function matchParquetColumns(
  schema: readonly FieldSpec[],
  file: SchemaTree,
  fileName: string,
): Map<string, ParquetValueKind> {
  const fields = new Map(schema.map((field) => [field.name, field]));
  const columns = file.children.filter((column) => !isPandasIndex(column.element.name));
  const unknown = columns.map((column) => column.element.name).filter((name) => !fields.has(name));
  if (unknown.length > 0) {
    const known =
      schema.length === 0 ? 'the collection has no fields' : `its fields: ${[...fields.keys()].join(', ')}`;
    throw permanent(
      new Error(
        `${fileName}: column${unknown.length > 1 ? 's' : ''} ${unknown.map((name) => `"${name}"`).join(', ')} ` +
          `${unknown.length > 1 ? 'are not fields' : 'is not a field'} of the collection (${known}); ` +
          'drop such columns from the file',
      ),
    );
  }
  const kinds = new Map<string, ParquetValueKind>();
  for (const column of columns) {
    const field = fields.get(column.element.name) as FieldSpec;
    const type = parquetColumnType(column);
    const accepted = ACCEPTED[field.type];
    if (!accepted.kinds.includes(type.kind)) {
      throw permanent(
        new Error(
          `${fileName}: column "${field.name}" is ${type.label}; field "${field.name}" is ${field.type} ` +
            `and takes ${accepted.wanted}`,
        ),
      );
    }
    kinds.set(field.name, type.kind);
  }
  return kinds;
}

/** pandas's `to_parquet` writes a non-default index as such a column: not the user's data. */
export function isPandasIndex(name: string): boolean {
  return /^__index_level_\d+__$/.test(name);
}

/** A top-level column's kind, from its schema element (and its children for a list). */
export function parquetColumnType(column: SchemaTree): ParquetColumnType {
  if (column.children.length > 0) return groupType(column);
  const scalar = scalarKind(column.element);
  // A legacy repeated primitive (no LIST wrapper) is a list of its values.
  if (column.element.repetition_type === 'REPEATED') {
    return {
      kind: scalar === 'string' ? 'string-list' : 'other',
      label: `repeated ${leafLabel(column.element)}`,
    };
  }
  return { kind: scalar, label: leafLabel(column.element) };
}

/** LIST<x> (three levels, or the legacy two) of strings is a keyword set; any other group is not a field's. */
function groupType(column: SchemaTree): ParquetColumnType {
  const { element } = column;
  const isList = element.converted_type === 'LIST' || element.logical_type?.type === 'LIST';
  if (!isList) return { kind: 'other', label: `a group (${element.converted_type ?? 'struct'})` };
  const repeated = column.children[0];
  const item = repeated.children.length === 1 ? repeated.children[0] : repeated;
  if (item.children.length > 0) return { kind: 'other', label: 'a LIST of groups' };
  const label = `LIST<${leafLabel(item.element)}>`;
  return { kind: scalarKind(item.element) === 'string' ? 'string-list' : 'other', label };
}

function scalarKind(element: SchemaElement): ParquetValueKind {
  const annotation = element.logical_type?.type ?? element.converted_type;
  switch (element.type) {
    case 'BOOLEAN':
      return 'bool';
    case 'INT32':
    case 'INT64':
      // DATE, TIME, TIMESTAMP and DECIMAL are integers on disk but not in meaning.
      return annotation === undefined || isIntegerAnnotation(element) ? 'integer' : 'other';
    case 'FLOAT':
    case 'DOUBLE':
      return annotation === undefined ? 'float' : 'other';
    case 'BYTE_ARRAY':
      if (annotation === 'JSON') return 'json-text';
      // Many writers leave text unannotated; hyparquet reads it as UTF-8 as they mean it.
      return annotation === undefined || ['UTF8', 'STRING', 'ENUM'].includes(annotation) ? 'string' : 'other';
    default:
      return 'other';
  }
}

function isIntegerAnnotation(element: SchemaElement): boolean {
  if (element.logical_type) return element.logical_type.type === 'INTEGER';
  return /^U?INT_(8|16|32|64)$/.test(element.converted_type ?? '');
}

function leafLabel(element: SchemaElement): string {
  const logical = element.logical_type;
  const annotation =
    logical?.type === 'INTEGER'
      ? `INTEGER(${logical.bitWidth}, ${logical.isSigned ? 'signed' : 'unsigned'})`
      : (logical?.type ?? element.converted_type);
  return annotation ? `${element.type} (${annotation})` : `${element.type}`;
}
