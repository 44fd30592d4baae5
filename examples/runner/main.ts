/**
 * runner: `run(fn, true, runner => ...)` runs main and awaits every variant, so the results
 * of all configs can be compared side by side, each with the config_id of its case.
 */
import { Config, FunctionResult, Spearmint, run } from '@spearmint/decorators';

const mint = new Spearmint({
  configs: [
    { model: 'gpt-4o', style: 'formal' },
    { model: 'gpt-4o-mini', style: 'casual' },
    { model: 'gpt-3.5-turbo', style: 'terse' },
  ],
});

type ModelConfig = Config<{ model: string; style: 'formal' | 'casual' | 'terse' }>;

class TextService {
  @mint.experiment()
  generate(prompt: string, config?: ModelConfig): string {
    // A stand-in for a model call: deterministic, so every run prints the same.
    const openers = { formal: 'Certainly.', casual: 'Sure thing!', terse: 'OK.' };
    return `[${config!.model}] ${openers[config!.style]} ${prompt}`;
  }
}

const svc = new TextService();

// The runner takes generate's parameters; with awaitVariants = true, every variant has
// finished when it returns. run() returns whatever the callback returns.
const results = run(svc.generate, true, (runner) => runner('Here is your summary.'));

function show(role: string, r: FunctionResult<string>): void {
  const id = r.experimentCase.getConfigId(svc.generate); // or 'TextService.generate'
  console.log(`${role.padEnd(8)} config_id=${id}  ${r.ok ? r.result : `failed: ${String(r.error)}`}`);
}

show('main', results.mainResult);
results.variantResults.forEach((variant) => show('variant', variant));

