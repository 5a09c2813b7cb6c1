import type { FieldSpec } from '@vecshard/proto';
import { BoolField } from './bool-field.js';
import { DoubleField } from './double-field.js';
import { Int64Field } from './int64-field.js';
import { JsonField } from './json-field.js';
import { KeywordField } from './keyword-field.js';
import { KeywordsField } from './keywords-field.js';
import type { StoredField } from './stored-field.js';

/** The storage and index for one field of the schema. */
export function createStoredField(spec: FieldSpec): StoredField {
  switch (spec.type) {
    case 'int64':
      return new Int64Field(spec);
    case 'double':
      return new DoubleField(spec);
    case 'keyword':
      return new KeywordField(spec);
    case 'keywords':
      return new KeywordsField(spec);
    case 'bool':
      return new BoolField(spec);
    case 'json':
      return new JsonField(spec);
  }
}
