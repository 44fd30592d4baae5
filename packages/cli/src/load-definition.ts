/// <reference path="./tsx-api.d.ts" />
import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type EvaluationDefinition, isEvaluationDefinition } from './define-evaluation';
import { UsageError } from './usage-error';

/**
 * Loads the evaluation definition a `.ts` or `.js` file exports (as its default export or as
 * `evaluation`), through tsx, so TypeScript files need no build step. Every problem with the
 * file is a `UsageError` naming it.
 */
export async function loadDefinition(file: string, cwd: string): Promise<EvaluationDefinition> {
  const path = resolve(cwd, file);
  if (!existsSync(path)) throw new UsageError(`No such file: ${file} (looked at ${path}).`);
  if (!statSync(path).isFile()) throw new UsageError(`${file} is not a file: give the .ts or .js file that exports the evaluation definition.`);
  let module: Record<string, unknown>;
  try {
    module = await importModule(path);
  } catch (error) {
    const detail = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
    throw new UsageError(`Cannot load ${file}: it threw while loading.\n${detail}`);
  }
  const definition = findDefinition(module);
  if (!definition) {
    const names = Object.keys(module).filter((name) => name !== '__esModule' && name !== 'module.exports');
    throw new UsageError(
      `${relative(cwd, path) || file} exports no evaluation definition (exports found: ${names.length > 0 ? names.join(', ') : 'none'}). ` +
        "Export one as the default export or as `evaluation`: export default defineEvaluation({ experiment, dataset, evaluators }) " +
        "(defineEvaluation comes from '@spearmint/cli').",
    );
  }
  checkShape(definition, file);
  return definition;
}

/**
 * Imports a `.ts` or `.js` module of any kind (CommonJS or ES module, as `tsx file.ts` would)
 * after registering tsx's loaders for this process; `import()` keeps `__dirname` and
 * `import.meta.url` right for either kind. (Both APIs are loaded through `import()`, which picks
 * their ES module builds: those register correctly from CommonJS code as well.)
 */
async function importModule(path: string): Promise<Record<string, unknown>> {
  const [esm, cjs] = await Promise.all([import('tsx/esm/api'), import('tsx/cjs/api')]);
  esm.register();
  cjs.register();
  return import(pathToFileURL(path).href);
}

/** The default export or `evaluation`, looking through one CommonJS `default` wrapper. */
function findDefinition(module: Record<string, unknown>): EvaluationDefinition | undefined {
  const candidates = [module.default, module.evaluation, (module.default as Record<string, unknown> | undefined)?.default, (module.default as Record<string, unknown> | undefined)?.evaluation];
  return (candidates.find(isEvaluationDefinition) ?? candidates.find(looksLikeDefinition)) as EvaluationDefinition | undefined;
}

function looksLikeDefinition(value: unknown): boolean {
  return value !== null && typeof value === 'object' && 'experiment' in value && 'dataset' in value;
}

const KEYS = ['experiment', 'dataset', 'evaluators', 'concurrency', 'repeat', 'limit', 'output', 'cache', 'thresholds'];

function checkShape(definition: EvaluationDefinition, file: string): void {
  const unknown = Object.keys(definition).find((key) => !KEYS.includes(key));
  if (unknown !== undefined) {
    throw new UsageError(`The definition in ${file} has an unknown key \`${unknown}\`; the keys are ${KEYS.map((key) => `\`${key}\``).join(', ')}.`);
  }
  if (typeof definition.experiment !== 'function') {
    throw new UsageError(`The definition in ${file} has no \`experiment\` function: set experiment to the decorated method (or experiment()(fn)) to evaluate.`);
  }
  if (definition.dataset === undefined || definition.dataset === null) {
    throw new UsageError(`The definition in ${file} has no \`dataset\`: give an array of records or the path of a JSONL file.`);
  }
  if (definition.evaluators === undefined) {
    throw new UsageError(`The definition in ${file} has no \`evaluators\`: give an array of evaluator functions or a record of named ones.`);
  }
}
