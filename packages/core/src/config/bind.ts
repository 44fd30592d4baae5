import { AsyncSchemaError, type BindSite, BindPathNotFoundError, SchemaValidationError } from '../errors';
import { describeValue } from '../internal/describe';
import { applySchema } from './apply-schema';
import { type BindSpec, type NormalisedBind, normaliseBindSpec } from './bind-spec';
import { type Config, isConfig } from './config';
import { frozenCopy, mutableCopy } from './deep-freeze';
import { describeConfig } from './resolve-configs';

/** A parameter that receives a bound value: its name, its position and its `bind` entry. */
export interface BoundParameter {
  readonly parameter: string;
  readonly index: number;
  readonly spec: BindSpec;
}

/** The injection of one `bind` entry (an experiment's `Injection`: the config layer sits below the experiment layer). */
export interface BindInjection {
  readonly index: number;
  prepare(configs: readonly Config[], experiment: string): void;
  valueFor(config: Config): unknown;
}

/**
 * The injection of one `bind` entry. The entry is checked now (a `TypeError` if malformed);
 * the value of every config is computed, validated and frozen once, when the experiment is
 * set up (`prepare`), so a bad config fails there, before any call.
 */
export function createBindInjection(bound: BoundParameter, functionName: string): BindInjection {
  const bind = normaliseBindSpec(bound.spec, `\`bind.${bound.parameter}\` of '${functionName}'`);
  const values = new Map<Config, unknown>();
  let site: BindSite = { experiment: functionName, parameter: bound.parameter, path: bind.path };
  const compute = (config: Config): unknown => {
    const value = boundValue(config, bind, site);
    values.set(config, value);
    return value;
  };
  return {
    index: bound.index,
    prepare(configs: readonly Config[], experiment: string) {
      site = { ...site, experiment };
      configs.forEach(compute);
    },
    valueFor(config: Config) {
      const value = values.get(config);
      if (value !== undefined || values.has(config)) return value;
      // Not reached: strategies must answer with the experiment's own configs. Not cached, so
      // that nothing grows with configs made per call.
      return boundValue(config, bind, site);
    },
  };
}

function boundValue(config: Config, bind: NormalisedBind, site: BindSite): unknown {
  const raw = valueAtPath(config, bind, site);
  if (bind.schema === undefined) return raw; // part of a frozen config already
  // The schema gets its own copy: some apply defaults to their input in place.
  const outcome = applySchema(bind.schema, mutableCopy(raw));
  switch (outcome.kind) {
    case 'value':
      // A `Config` (schema: Config) is frozen already, and a copy would lose what makes it one.
      return isConfig(outcome.value) ? outcome.value : frozenCopy(outcome.value);
    case 'async':
      throw new AsyncSchemaError(site, outcome.vendor);
    case 'problems': {
      const problems = outcome.problems.map((p) => ({ ...p, path: [bind.path, p.path].filter(Boolean).join('.') }));
      const options = outcome.cause === undefined ? undefined : { cause: outcome.cause };
      throw new SchemaValidationError(site, config.config_id, describeConfig(config), problems, options);
    }
  }
}

function valueAtPath(config: Config, bind: NormalisedBind, site: BindSite): unknown {
  let current: unknown = config;
  for (const [depth, key] of bind.keys.entries()) {
    const isObject = typeof current === 'object' && current !== null;
    if (!isObject || !Object.hasOwn(current as object, key)) {
      const parent = bind.keys.slice(0, depth).join('.');
      const where = parent ? `'${parent}'` : 'the config';
      const detail = isObject
        ? `${where} has the keys ${Object.keys(current as object).map((k) => `'${k}'`).join(', ') || '(none)'}`
        : `${where} is ${describeValue(current)}, which has no keys`;
      throw new BindPathNotFoundError(site, key, config.config_id, describeConfig(config), detail);
    }
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
