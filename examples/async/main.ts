/**
 * async: an async method. `arun` awaits main and every variant (they run concurrently), and
 * `currentCase()` still knows the call's case after any number of awaits. A direct call
 * returns main's result; its variants run in the background until `mint.drain()`.
 */
import { Config, Spearmint, arun, currentCase } from '@spearmint/decorators';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const mint = new Spearmint({
  configs: [
    { model: 'large', latencyMs: 60 },
    { model: 'medium', latencyMs: 30 },
    { model: 'small', latencyMs: 10 },
  ],
});

class ChatService {
  @mint.experiment()
  async reply(question: string, config?: Config<{ model: string; latencyMs: number }>): Promise<string> {
    await sleep(config!.latencyMs); // a stand-in for a network call
    const configId = currentCase()!.getConfigId('ChatService.reply'); // the case survives awaits
    return `${config!.model} answers "${question}" (config_id ${configId})`;
  }
}

async function main(): Promise<void> {
  const chat = new ChatService();

  const started = Date.now();
  const wall = await arun(chat.reply, true, async (runner) => {
    const results = await runner('What is Spearmint?');
    for (const r of [results.mainResult, ...results.variantResults]) {
      const role = r === results.mainResult ? 'main' : 'variant';
      console.log(`${role.padEnd(8)} ${r.result}  [${Math.round(r.durationMs)} ms]`);
    }
    return Date.now() - started;
  });
  // Variants start once main has finished, then run concurrently: about 60 + max(30, 10) ms.
  console.log(`arun took ${wall} ms: main, then both variants at once`);

  const answer = await chat.reply('Is it fast?'); // direct call: main only is awaited
  console.log(`direct call: ${answer}`);
  const stats = await mint.drain();
  console.log(`background variants: ${stats.succeeded} of ${stats.started} succeeded`);
}

void main();
