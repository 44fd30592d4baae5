import type { StandardSchemaV1 } from '@standard-schema/spec';
import { describeValue } from '../internal/describe';
import { unknownKey } from '../internal/known-keys';
import { isPlainObject } from '../internal/plain-object';

/**
 * What validates (and types) a bound value: any Standard Schema v1 validator (zod, valibot,
 * arktype, ...), whose output value is injected (so its defaults apply), or a class,
 * constructed as `new Class(value)`. The `Config` class gives a frozen `Config` of the value,
 * with its own `config_id` (the one the value holds, else computed from it), as Python's
 * `Annotated[Config, Bind("a.b")]` does.
 */
export type BindSchema = StandardSchemaV1 | (new (value: any) => unknown);

/** The long form of a `bind` entry: a dotted path into the config and/or a schema. */
export interface BindPathAndSchema {
  /** Dotted path into the config (`'llm.settings'`); `''` or absent: the whole config. */
  readonly path?: string;
  readonly schema?: BindSchema;
}

/** One `bind` entry: a dotted path, a schema (for the whole config), or both. */
export type BindSpec = string | BindSchema | BindPathAndSchema;

/** The `bind` option: parameter name → what to inject into it. */
export type BindOptions = Readonly<Record<string, BindSpec>>;

/** A `bind` entry in one shape. */
export interface NormalisedBind {
  /** The dotted path as written; `''` for the whole config. */
  readonly path: string;
  readonly keys: readonly string[];
  readonly schema: BindSchema | undefined;
}

const LONG_FORM_KEYS = ['path', 'schema'];

/** Checks a `bind` entry and brings it into one shape; a `TypeError` for anything else. `label` names the entry. */
export function normaliseBindSpec(spec: unknown, label: string): NormalisedBind {
  if (typeof spec === 'string') return { ...splitPath(spec, label), schema: undefined };
  if (isBindSchema(spec)) return { path: '', keys: [], schema: spec };
  if (isPlainObject(spec)) {
    const unknown = unknownKey(spec, LONG_FORM_KEYS);
    if (unknown !== undefined) {
      throw new TypeError(`Unknown key \`${unknown}\` in ${label}; the long form takes \`path\` and \`schema\`.`);
    }
    if (spec.path !== undefined && typeof spec.path !== 'string') {
      throw new TypeError(`Expected \`path\` of ${label} to be a dotted path such as 'llm.settings', got ${describeValue(spec.path)}.`);
    }
    if (spec.schema !== undefined && !isBindSchema(spec.schema)) {
      throw new TypeError(`Expected \`schema\` of ${label} to be a Standard Schema (zod, valibot, arktype, ...) or a class, got ${describeValue(spec.schema)}.`);
    }
    return { ...splitPath(spec.path ?? '', label), schema: spec.schema };
  }
  throw new TypeError(
    `Expected ${label} to be a dotted path ('llm.settings'), a schema (a Standard Schema such as a zod, valibot or ` +
      `arktype schema, or a class) or { path, schema }; got ${describeValue(spec)}.`,
  );
}

/** True for a Standard Schema v1 validator: an object (or, as arktype's, a function) with `~standard.validate`. */
export function isStandardSchema(value: unknown): value is StandardSchemaV1 {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false;
  const props = (value as { '~standard'?: { validate?: unknown } })['~standard'];
  return typeof props?.validate === 'function';
}

function isBindSchema(value: unknown): value is BindSchema {
  return isStandardSchema(value) || isConstructor(value);
}

/** Classes and `function` declarations have a prototype object; arrows and methods have none. */
function isConstructor(value: unknown): value is new (value: unknown) => unknown {
  return typeof value === 'function' && typeof value.prototype === 'object' && value.prototype !== null;
}

function splitPath(path: string, label: string): { path: string; keys: string[] } {
  if (path === '') return { path, keys: [] };
  const keys = path.split('.');
  if (keys.some((key) => key === '')) {
    throw new TypeError(`The path '${path}' of ${label} has an empty key; write keys separated by single dots, as in 'llm.settings'.`);
  }
  return { path, keys };
}
