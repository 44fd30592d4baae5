/**
 * Runs the configuration examples as their npm scripts do (`tsx examples/<name>/main.ts`, from
 * the repository root) and checks the lines they print.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeConfigId } from '@spearmint/decorators';

const repoRoot = join(__dirname, '..', '..');
const scripts: Record<string, string> = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).scripts;
const EXAMPLES = ['yaml-configs', 'typed-binding', 'config-binding'] as const;
type Example = (typeof EXAMPLES)[number];

const outputs = new Map<Example, { code: number | string; stdout: string; stderr: string }>();

beforeAll(async () => {
  await Promise.all(
    EXAMPLES.map(
      (name) =>
        new Promise<void>((resolve) => {
          const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');
          execFile(tsx, [`examples/${name}/main.ts`], { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' }, timeout: 30_000 }, (error, stdout, stderr) => {
            outputs.set(name, { code: error ? (error.code ?? 'error') : 0, stdout, stderr });
            resolve();
          });
        }),
    ),
  );
}, 60_000);

/** The lines an example printed, after checking that it exited 0 with nothing on stderr. */
function linesOf(name: Example): string[] {
  const { code, stdout, stderr } = outputs.get(name)!;
  expect({ name, code, stderr }).toEqual({ name, code: 0, stderr: '' });
  return stdout.trimEnd().split('\n');
}

const row = (...cells: string[]) => new RegExp(`^${cells.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+')}$`);

describe('configuration examples', () => {
  it.each(EXAMPLES)('npm run %s runs its example with tsx', (name) => {
    expect(scripts[name]).toBe(`tsx examples/${name}/main.ts`);
  });

  it('yaml-configs: a directory of three YAML files in path order, a !sweep file expanded, a bad path caught', () => {
    const lines = linesOf('yaml-configs');
    const id = (top_k: number, lowercase: boolean) => computeConfigId({ min_length: 4, top_k, lowercase });
    const expected = [
      'summaries: 3 configs from examples/configs/summarizer/',
      row('role', 'config_id', 'max_words', 'summary'),
      row('main', 'baseline', '9', 'Spearmint is a species of mint native to Europe...'),
      row('variant', 'concise', '5', 'Spearmint is a species of...'),
      row('variant', 'detailed', '14', 'Spearmint is a species of mint native to Europe and southern temperate Asia. Spearmint [...]'),
      'keywords: 4 configs from the !sweep in examples/configs/sweep.yaml',
      row('role', 'config_id', 'top_k', 'lowercase', 'keywords'),
      row('main', id(2, true), '2', 'true', 'spearmint, mint'),
      row('variant', id(2, false), '2', 'false', 'Spearmint, species'),
      row('variant', id(3, true), '3', 'true', 'spearmint, mint, species'),
      row('variant', id(3, false), '3', 'false', 'Spearmint, species, mint'),
      'a typo in a path fails at set-up: ConfigFileNotFoundError (SPEARMINT_CONFIG_FILE_NOT_FOUND)',
      'looked at: examples/configs/summariser',
    ];
    expect(lines.filter((line) => line !== '' && !/^[- ]+$/.test(line))).toEqual(expected.map((e) => (typeof e === 'string' ? e : expect.stringMatching(e))));
  });

  it('typed-binding: the zod schema types the config and applies its default; a bad config fails at set-up', () => {
    expect(linesOf('typed-binding')).toEqual([
      'main     Prompt: Test prompt, Model: gpt-4, Temp: 0.5, MaxTokens: 100',
      'variant  Prompt: Test prompt, Model: gpt-3.5, Temp: 0.9, MaxTokens: 50',
      '(max_tokens 100 is the schema default: the first config does not set it)',
      '',
      'caught at set-up: SchemaValidationError (SPEARMINT_SCHEMA_VALIDATION)',
      "Cannot bind parameter 'settings' of 'generate': config 'warm' (configs[0]) does not match its schema: " +
        "at 'temperature': Invalid input: expected number, received string. Fix the config, or the schema in `bind`.",
    ]);
  });

  it('config-binding: four parameters bound by dotted path per config; a path typo fails at set-up', () => {
    const file = join(repoRoot, 'examples', 'configs', 'assistant.yaml');
    expect(linesOf('config-binding')).toEqual([
      'main     [brief: gpt-4o @ 0.2] "Answer in one sentence." -> Returns',
      'variant  [thorough: gpt-4o-mini @ 0.7] "Answer thoroughly and cite every source." -> Returns + Shipping',
      '',
      'caught at set-up: BindPathNotFoundError (SPEARMINT_BIND_PATH_NOT_FOUND)',
      `Cannot bind parameter 'topK' of 'search' to path 'retrieval.topk': config 'brief' (file ${file}, item 0) has no key 'topk' ` +
        "('retrieval' has the keys 'top_k'). Fix the path in `bind`, or add the key to every config of the experiment.",
    ]);
  });
});
