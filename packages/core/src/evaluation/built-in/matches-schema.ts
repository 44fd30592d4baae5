import type { StandardSchemaV1 } from '@standard-schema/spec';
import { describeValue } from '../../internal/describe';
import type { EvaluatorFunction } from '../evaluator';

/**
 * Scores 1 when the output passes the schema, else 0. Any Standard Schema v1 validator works
 * (zod, valibot, arktype; async validation too).
 *
 * @example
 * ```ts
 * const evaluators = { wellFormed: matchesSchema(z.object({ title: z.string(), tags: z.array(z.string()) })) };
 * ```
 */
export function matchesSchema(schema: StandardSchemaV1): EvaluatorFunction<unknown, unknown, unknown> {
  const validate = validatorOf(schema);
  return async function matchesSchema({ output }) {
    const result = await validate(output);
    return result.issues === undefined ? 1 : 0;
  };
}

function validatorOf(schema: StandardSchemaV1): StandardSchemaV1['~standard']['validate'] {
  let validate: unknown;
  try {
    validate = (schema as { '~standard'?: { validate?: unknown } } | null | undefined)?.['~standard']?.validate;
  } catch {
    validate = undefined; // a throwing getter: not a usable schema
  }
  if (typeof validate !== 'function') {
    throw new TypeError(`matchesSchema() expects a Standard Schema v1 validator (zod, valibot, arktype...), got ${describeValue(schema)}.`);
  }
  const standard = (schema as StandardSchemaV1)['~standard'];
  return (value) => (validate as StandardSchemaV1['~standard']['validate']).call(standard, value);
}
