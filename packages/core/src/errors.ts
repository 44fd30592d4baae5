import { messageOf } from './internal/describe-error';

/**
 * Every failure Spearmint raises itself (as opposed to errors thrown by your functions) is a
 * `SpearmintError` with a stable string `code`. Bad arguments to an API are `TypeError`s.
 */
export class SpearmintError extends Error {
  /** A stable, machine-readable identifier such as `'SPEARMINT_DUPLICATE_CONFIG_ID'`. */
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A config source that is not an object (or a path, `URL` or `Config`). */
export class InvalidConfigError extends SpearmintError {
  constructor(readonly source: string, detail: string, options?: { cause?: unknown }) {
    super('SPEARMINT_INVALID_CONFIG', `Invalid config at ${source}: ${detail}`, options);
  }
}

/** Two configs of one experiment share a `config_id`. */
export class DuplicateConfigIdError extends SpearmintError {
  constructor(
    readonly configId: string,
    readonly sources: readonly [string, string],
    where: string,
  ) {
    super(
      'SPEARMINT_DUPLICATE_CONFIG_ID',
      `Duplicate config_id '${configId}' ${where}: it comes from ${sources[0]} and from ${sources[1]}. ` +
        'Every config of an experiment needs its own config_id: remove one of them or give them distinct config_id values ' +
        '(a config with a DynamicValue must not set config_id, since every expansion would share it).',
    );
  }
}

/** A `DynamicValue` (in YAML: `!sweep`) with no values, which would expand a config into nothing. */
export class EmptyDynamicValueError extends SpearmintError {
  constructor(readonly keyPath: string, readonly source: string) {
    super(
      'SPEARMINT_EMPTY_DYNAMIC_VALUE',
      `The DynamicValue (in YAML: !sweep) at key '${keyPath}' of ${source} has no values, so the config would expand to nothing. ` +
        'Give it at least one value.',
    );
  }
}

/** A config path (string or `URL`) where there is no file or directory. */
export class ConfigFileNotFoundError extends SpearmintError {
  constructor(readonly path: string, readonly given: string, where: string) {
    super(
      'SPEARMINT_CONFIG_FILE_NOT_FOUND',
      `Config path '${given}' (${where}) does not exist: there is no file or directory at ${path}. ` +
        `Relative paths resolve against the working directory (${process.cwd()}); ` +
        "pass an absolute path, or a URL such as new URL('./configs/', import.meta.url), to load files next to your module.",
    );
  }
}

/** A config directory with no `.yaml`, `.yml` or `.json` file anywhere below it. */
export class EmptyConfigDirectoryError extends SpearmintError {
  constructor(readonly directory: string, where: string) {
    super(
      'SPEARMINT_EMPTY_CONFIG_DIRECTORY',
      `Config directory ${directory} (${where}) holds no config files: Spearmint loads every .yaml, .yml and .json file ` +
        'below it, recursively. Add a config file, or remove the directory from `configs`.',
    );
  }
}

/** A config path naming a file that is not `.yaml`, `.yml` or `.json`. */
export class UnsupportedConfigFileError extends SpearmintError {
  constructor(readonly file: string, readonly extension: string, where: string) {
    super(
      'SPEARMINT_UNSUPPORTED_CONFIG_FILE',
      `Config file ${file} (${where}) has ${extension ? `the extension '${extension}'` : 'no extension'}; ` +
        'Spearmint reads .yaml, .yml and .json files. Rename the file, or convert it to YAML or JSON.',
    );
  }
}

/** A config file that exists but cannot be read (permissions, an I/O error). */
export class ConfigFileReadError extends SpearmintError {
  constructor(readonly file: string, cause: unknown) {
    super(
      'SPEARMINT_CONFIG_FILE_READ',
      `Cannot read config file ${file}: ${messageOf(cause)}. Check that the file is readable.`,
      { cause },
    );
  }
}

/** A YAML config file that does not parse (or uses a tag wrongly, such as `!sweep` on a scalar). */
export class YamlSyntaxError extends SpearmintError {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
    excerpt: string,
  ) {
    super(
      'SPEARMINT_YAML_SYNTAX',
      `YAML error in ${file} at line ${line}, column ${column}: ${reason}.` +
        `${excerpt ? `\n\n${excerpt}\n\n` : ' '}Fix the file at that position.`,
    );
  }
}

/** A JSON config file that does not parse. */
export class JsonSyntaxError extends SpearmintError {
  /** Where the error is, when the JSON parser reports it (1-based). */
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(
    readonly file: string,
    position: { readonly line: number; readonly column: number } | undefined,
    readonly reason: string,
  ) {
    super(
      'SPEARMINT_JSON_SYNTAX',
      `JSON syntax error in ${file}${position ? ` at line ${position.line}, column ${position.column}` : ''}: ${reason}. ` +
        'Fix the file (JSON allows no comments and no trailing commas), or write the config as YAML.',
    );
    this.line = position?.line;
    this.column = position?.column;
  }
}

/** What a bind error says about where it happened. */
export interface BindSite {
  /** The experiment's name (at set-up; stage-3 methods learn their class name later). */
  readonly experiment: string;
  readonly parameter: string;
  /** The bind path; `''` for the whole config. */
  readonly path: string;
}

/** A `bind` path that leads nowhere in one of the experiment's configs. */
export class BindPathNotFoundError extends SpearmintError {
  readonly experiment: string;
  readonly parameter: string;
  readonly path: string;

  constructor(
    site: BindSite,
    /** The first key of the path that the config lacks. */
    readonly missingKey: string,
    readonly configId: string,
    config: string,
    detail: string,
  ) {
    super(
      'SPEARMINT_BIND_PATH_NOT_FOUND',
      `Cannot bind parameter '${site.parameter}' of '${site.experiment}' to path '${site.path}': ${config} has no key ` +
        `'${missingKey}' (${detail}). Fix the path in \`bind\`, or add the key to every config of the experiment.`,
    );
    this.experiment = site.experiment;
    this.parameter = site.parameter;
    this.path = site.path;
  }
}

/** One problem a schema found, with its field path from the config's root (`llm.temperature`). */
export interface SchemaProblem {
  readonly path: string;
  readonly message: string;
}

/** A config whose bound value a schema (a Standard Schema or a class) rejects. */
export class SchemaValidationError extends SpearmintError {
  readonly experiment: string;
  readonly parameter: string;
  readonly path: string;

  constructor(
    site: BindSite,
    readonly configId: string,
    config: string,
    readonly problems: readonly SchemaProblem[],
    options?: { cause?: unknown },
  ) {
    const listed = problems.map((p) => `at '${p.path || '(root)'}': ${p.message}`).join('; ');
    super(
      'SPEARMINT_SCHEMA_VALIDATION',
      `Cannot bind parameter '${site.parameter}' of '${site.experiment}'${site.path ? ` to path '${site.path}'` : ''}: ` +
        `${config} does not match its schema: ${listed}. Fix the config, or the schema in \`bind\`.`,
      options,
    );
    this.experiment = site.experiment;
    this.parameter = site.parameter;
    this.path = site.path;
  }
}

/** A Standard Schema whose `validate` returned a promise: configs are bound synchronously, at set-up. */
export class AsyncSchemaError extends SpearmintError {
  readonly experiment: string;
  readonly parameter: string;

  constructor(site: BindSite, readonly vendor: string) {
    super(
      'SPEARMINT_ASYNC_SCHEMA',
      `The schema (${vendor}) of parameter '${site.parameter}' of '${site.experiment}' validates asynchronously: ` +
        'its validate() returned a Promise. Configs are validated once, synchronously, when the experiment is set up; ' +
        'use a schema without async refinements or transforms, and do async checks inside the function.',
    );
    this.experiment = site.experiment;
    this.parameter = site.parameter;
  }
}

/** `ExperimentCase#getConfigId` / `getConfig` for an experiment that is not part of the case. */
export class UnknownExperimentError extends SpearmintError {
  constructor(readonly experiment: string, known: readonly string[]) {
    super(
      'SPEARMINT_UNKNOWN_EXPERIMENT',
      `No config for experiment '${experiment}' in this case; the case assigns configs to: ` +
        `${known.length ? known.map((name) => `'${name}'`).join(', ') : '(none)'}.`,
    );
  }
}

/** Recorded as a variant's `error` when it runs longer than `variantTimeoutMs`. */
export class VariantTimeoutError extends SpearmintError {
  constructor(readonly experiment: string, readonly configId: string, readonly timeoutMs: number) {
    super(
      'SPEARMINT_VARIANT_TIMEOUT',
      `Variant '${configId}' of experiment '${experiment}' did not settle within variantTimeoutMs (${timeoutMs} ms); ` +
        'its result is ignored. Read currentSignal() in the function to stop its work on timeout.',
    );
  }
}

/** The abort reason of variants still running when `drain(timeoutMs)` gives up. */
export class DrainTimeoutError extends SpearmintError {
  constructor(readonly timeoutMs: number) {
    super('SPEARMINT_DRAIN_TIMEOUT', `drain() gave up after ${timeoutMs} ms; the variant was aborted.`);
  }
}

/** `strategies.weighted` weights that are invalid, or that do not fit an experiment's configs. */
export class InvalidWeightsError extends SpearmintError {
  constructor(message: string) {
    super('SPEARMINT_INVALID_WEIGHTS', message);
  }
}

/** A `strategy` option that is not a strategy: not a function, or a strategy factory passed without calling it. */
export class InvalidStrategyError extends SpearmintError {
  constructor(readonly where: string, detail: string) {
    super('SPEARMINT_INVALID_STRATEGY', `Invalid strategy for ${where}: ${detail}`);
  }
}

/**
 * A strategy returned something other than `[mainConfig, variantConfigs]` of the experiment's own
 * configs. Raised to the caller before main runs (for a nested experiment: to the code calling it).
 */
export class InvalidStrategyResultError extends SpearmintError {
  constructor(readonly experiment: string, detail: string, options?: { cause?: unknown }) {
    super(
      'SPEARMINT_INVALID_STRATEGY_RESULT',
      `The strategy of experiment '${experiment}' ${detail} A strategy must return [mainConfig, variantConfigs], ` +
        'taken from the configs it is given (those very objects), each at most once.',
      options,
    );
  }
}

/** More configs than `CONFIG_LIMITS.maxConfigs` in one `configs` list: a sweep, a `DynamicValue`, a directory. */
export class TooManyConfigsError extends SpearmintError {
  constructor(
    /** Where the limit was passed: `configs[0]`, `file /app/sweep.yaml`, `new DynamicValue(...)`. */
    readonly source: string,
    /** How many configs it would give, as far as it was counted (`undefined`: more than `limit`, reading stopped). */
    readonly count: number | undefined,
    readonly limit: number,
    detail: string,
  ) {
    super(
      'SPEARMINT_TOO_MANY_CONFIGS',
      `Too many configs at ${source}: ${detail} gives ${count === undefined ? `more than ${limit.toLocaleString('en-US')}` : count.toLocaleString('en-US')} configs; ` +
        `one experiment takes at most ${limit.toLocaleString('en-US')} (CONFIG_LIMITS.maxConfigs). ` +
        'Sweep fewer values, or split the sweep over several runs.',
    );
  }
}

/** Configs holding more values in all than `CONFIG_LIMITS.maxValues` (shared objects and YAML aliases count each time). */
export class ConfigTooLargeError extends SpearmintError {
  constructor(
    readonly source: string,
    readonly limit: number,
    /** The configs whose values are counted together: `configs`, `configs of 'Svc.run'`. */
    readonly list: string,
  ) {
    super(
      'SPEARMINT_CONFIG_TOO_LARGE',
      `The ${list} hold more than ${limit.toLocaleString('en-US')} values (CONFIG_LIMITS.maxValues); the limit was passed at ${source}. ` +
        'Values are counted in every config after sweeps are expanded, and wherever a shared object or a YAML alias repeats. ' +
        'Keep large data out of configs (load it in the function, or pass it as a component), or sweep fewer values.',
    );
  }
}

/** A config file larger than `CONFIG_LIMITS.maxFileBytes`, or a YAML file with more tokens or aliases than allowed. */
export class ConfigFileTooLargeError extends SpearmintError {
  constructor(
    readonly file: string,
    /** What was measured: `1048577 bytes`, `more than 200000 YAML tokens`. */
    readonly measured: string,
    /** The limit passed, by its name in `CONFIG_LIMITS`, and its value. */
    readonly limit: string,
  ) {
    super(
      'SPEARMINT_CONFIG_FILE_TOO_LARGE',
      `Config file ${file} is too large: ${measured}, over ${limit}. ` +
        'A config file holds settings; keep large data out of it (load it in the function), or split it into several files.',
    );
  }
}

/** A config path that is neither a regular file nor a directory (a FIFO, a device, a socket). */
export class ConfigFileTypeError extends SpearmintError {
  constructor(
    readonly file: string,
    /** What the path is: `a FIFO (named pipe)`, `a character device`, ... */
    readonly kind: string,
    where?: string,
  ) {
    super(
      'SPEARMINT_CONFIG_FILE_TYPE',
      `Config path ${file}${where ? ` (${where})` : ''} is ${kind}, not a regular file or a directory; ` +
        'reading it could block set-up or never end. Point `configs` at a .yaml, .yml or .json file, or at a directory of them.',
    );
  }
}
