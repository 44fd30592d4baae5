/**
 * typed-binding: `bind` a parameter to a zod schema (any Standard Schema works: valibot,
 * arktype, ...). Every config is validated once, at set-up, and the parameter receives the
 * schema's output, typed and with its defaults applied; a config the schema rejects fails at
 * set-up, before any call, with the field, the validator's message and the config_id.
 */
import { z } from 'zod';
import { SchemaValidationError, Spearmint, run } from '@spearmint/decorators';

const ModelSettings = z.object({
  model_name: z.string(),
  temperature: z.number().min(0).max(2),
  max_tokens: z.number().int().positive().default(100),
});
type ModelSettings = z.infer<typeof ModelSettings>;

const mint = new Spearmint({
  configs: [
    { model_name: 'gpt-4', temperature: 0.5 },
    { model_name: 'gpt-3.5', temperature: 0.9, max_tokens: 50 },
  ],
});

class Generator {
  @mint.experiment({ bind: { settings: ModelSettings } })
  generate(prompt: string, settings?: ModelSettings): string {
    return `Prompt: ${prompt}, Model: ${settings!.model_name}, Temp: ${settings!.temperature}, MaxTokens: ${settings!.max_tokens}`;
  }
}

const generator = new Generator();
const results = run(generator.generate, true, (runner) => runner('Test prompt'));
console.log(`main     ${results.mainResult.result}`);
for (const variant of results.variantResults) console.log(`variant  ${variant.result}`);
console.log('(max_tokens 100 is the schema default: the first config does not set it)');

// A config the schema rejects fails when the class is defined, not on the first call.
const strict = new Spearmint({ configs: [{ config_id: 'warm', model_name: 'gpt-4', temperature: 'warm' }] });
try {
  class Broken {
    @strict.experiment({ bind: { settings: ModelSettings } })
    generate(prompt: string, settings?: ModelSettings): string {
      return `${prompt} ${settings!.model_name}`;
    }
  }
  new Broken().generate('never reached');
} catch (error) {
  if (!(error instanceof SchemaValidationError)) throw error;
  console.log(`\ncaught at set-up: ${error.name} (${error.code})`);
  console.log(error.message);
}
