import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { SchemaProblem } from '../errors';
import { messageOf } from '../internal/describe-error';
import { isPromiseLike } from '../internal/is-promise-like';
import { type BindSchema, isStandardSchema } from './bind-spec';

/** What a schema made of a value: its output, the problems it found, or a promise (not allowed). */
export type SchemaOutcome =
  | { readonly kind: 'value'; readonly value: unknown }
  | { readonly kind: 'problems'; readonly problems: readonly SchemaProblem[]; readonly cause?: unknown }
  | { readonly kind: 'async'; readonly vendor: string };

/**
 * Runs a Standard Schema's `validate` on `input`, or constructs a class with it. Problem paths
 * are relative to `input`. A thrown error is a problem at the root, with the error as cause.
 */
export function applySchema(schema: BindSchema, input: unknown): SchemaOutcome {
  if (!isStandardSchema(schema)) {
    try {
      return { kind: 'value', value: new schema(input) };
    } catch (error) {
      return thrown(error, `new ${schema.name || 'class'}(...) threw`);
    }
  }
  const props = schema['~standard'];
  let result: StandardSchemaV1.Result<unknown> | Promise<StandardSchemaV1.Result<unknown>>;
  try {
    result = props.validate(input);
  } catch (error) {
    return thrown(error, 'the schema threw');
  }
  if (isPromiseLike(result)) {
    result.then(undefined, () => {}); // never an unhandled rejection from a promise nobody awaits
    return { kind: 'async', vendor: props.vendor };
  }
  if (!result.issues) return { kind: 'value', value: result.value };
  const problems = result.issues.map((issue) => ({ path: issuePath(issue), message: issue.message }));
  return { kind: 'problems', problems: problems.length > 0 ? problems : [{ path: '', message: 'the schema rejected the value' }] };
}

function thrown(error: unknown, what: string): SchemaOutcome {
  const message = messageOf(error);
  return { kind: 'problems', problems: [{ path: '', message: `${what}: ${message}` }], cause: error };
}

function issuePath(issue: StandardSchemaV1.Issue): string {
  return (issue.path ?? [])
    .map((segment) => (typeof segment === 'object' && segment !== null ? segment.key : segment))
    .map(String)
    .join('.');
}
