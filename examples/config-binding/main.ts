/**
 * config-binding: `bind` injects parts of a config into parameters by dotted path (the Python
 * `Annotated[T, Bind("llm.model")]`), several per method, next to the whole config. The
 * configs come from a YAML list; a path that a config lacks fails at set-up.
 */
import { join } from 'node:path';
import { BindPathNotFoundError, Config, Spearmint, run } from '@spearmint/decorators';

const mint = new Spearmint({ configs: [join(__dirname, '..', 'configs', 'assistant.yaml')] });

const docs = [
  { title: 'Returns', text: 'Return any unused item within 30 days for a refund.' },
  { title: 'Shipping', text: 'Orders ship within 2 days; a refund covers shipping costs too.' },
  { title: 'Warranty', text: 'Devices carry a 2 year warranty against defects.' },
];

class Assistant {
  @mint.experiment({
    bind: { model: 'llm.model', temperature: 'llm.params.temperature', system: 'prompts.system', topK: 'retrieval.top_k' },
  })
  answer(question: string, model?: string, temperature?: number, system?: string, topK?: number, config?: Config): string {
    const terms = new Set(question.toLowerCase().match(/\w+/g));
    const score = (text: string) => (text.toLowerCase().match(/\w+/g) ?? []).filter((w) => terms.has(w)).length;
    const sources = [...docs].sort((a, b) => score(b.text) - score(a.text)).slice(0, topK);
    return `[${config!.config_id}: ${model} @ ${temperature}] "${system}" -> ${sources.map((s) => s.title).join(' + ')}`;
  }
}

const assistant = new Assistant();
const results = run(assistant.answer, true, (runner) => runner('Can I get a refund?'));
console.log(`main     ${results.mainResult.result}`);
for (const variant of results.variantResults) console.log(`variant  ${variant.result}`);

// A typo in a path fails at set-up, naming the path, the missing key and the config.
try {
  mint.experiment({ bind: { topK: 'retrieval.topk' } })(function search(query: string, topK?: number) {
    return `${query}: ${topK}`;
  });
} catch (error) {
  if (!(error instanceof BindPathNotFoundError)) throw error;
  console.log(`\ncaught at set-up: ${error.name} (${error.code})`);
  console.log(error.message);
}
