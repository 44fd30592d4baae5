/**
 * basic: a direct call on a decorated method. The caller gets main's result at once; the
 * other configs run as background variants (shadow traffic). `mint.drain()` waits for them.
 */
import { Config, FunctionResult, Spearmint, type ExecutionInfo } from '@spearmint/decorators';

const seen: { result: FunctionResult; info: ExecutionInfo }[] = [];

const mint = new Spearmint({
  configs: [{ greeting: 'Hello' }, { greeting: 'Hi' }, { greeting: 'Hey' }],
  // Called for every execution, main and variants, after the caller has its result.
  onResult: (result, info) => void seen.push({ result, info }),
});

class Greeter {
  @mint.experiment()
  greet(name: string, config?: Config<{ greeting: string }>): string {
    return `${config!.greeting}, ${name}!`;
  }
}

async function main(): Promise<void> {
  const greeter = new Greeter();

  const answer = greeter.greet('Ada'); // a plain call: main's result, variants in the background
  console.log(`greeter.greet('Ada') returned: ${answer}`);
  console.log(`background variants in flight: ${mint.stats().inFlight}`);

  const stats = await mint.drain(); // wait for the background variants (tests, shutdown)
  console.log(`after drain: started ${stats.started}, succeeded ${stats.succeeded}, failed ${stats.failed}, dropped ${stats.dropped}`);

  console.log('executions seen by onResult:');
  for (const { result, info } of seen) {
    const role = info.background ? `${info.role} (background)` : info.role;
    console.log(`  ${role.padEnd(20)} config_id=${info.configId}  result=${String(result.result)}`);
  }
}

void main();
