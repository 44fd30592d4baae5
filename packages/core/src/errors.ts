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
  constructor(readonly source: string, detail: string) {
    super('SPEARMINT_INVALID_CONFIG', `Invalid config at ${source}: ${detail}`);
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

/** A `DynamicValue` with no values, which would expand a config into nothing. */
export class EmptyDynamicValueError extends SpearmintError {
  constructor(readonly keyPath: string, readonly source: string) {
    super(
      'SPEARMINT_EMPTY_DYNAMIC_VALUE',
      `The DynamicValue at key '${keyPath}' of ${source} has no values, so the config would expand to nothing. ` +
        'Give it at least one value.',
    );
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
