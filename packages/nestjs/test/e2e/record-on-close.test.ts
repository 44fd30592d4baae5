// SpearmintModule.forRoot({ record }): the calls of an @Experiment() method are in the file once
// app.close() has resolved (the module's shutdown drain flushes and closes the recording).
import { Controller, Get, Injectable, Param } from '@nestjs/common';
import { Config, Experiment, Spearmint, SpearmintModule } from '@spearmint/nestjs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listen } from '../fixtures/listen';

@Injectable()
class GreetingService {
  @Experiment()
  async greet(name: string, config?: Config<{ greeting: string }>): Promise<string> {
    if (name === 'nobody') throw new Error('no one to greet');
    return `${config!.greeting}, ${name}!`;
  }
}

@Controller('greet')
class GreetingController {
  constructor(private readonly greetings: GreetingService) {}

  @Get(':name')
  async greet(@Param('name') name: string) {
    return { text: await this.greetings.greet(name) };
  }
}

describe('SpearmintModule.forRoot({ record })', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'spearmint-nest-record-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('has written every call of an @Experiment() provider method, one well-formed line each, when app.close() resolves', async () => {
    const file = join(dir, 'calls.jsonl');
    const shadowErrors: string[] = [];
    const running = await listen({
      imports: [
        SpearmintModule.forRoot({
          configs: [{ config_id: 'hello', greeting: 'Hello' }, { config_id: 'hi-shadow', greeting: 'Hi' }],
          record: { to: file },
          onError: (_error, info) => void shadowErrors.push(info.configId), // the shadow of the failing call
        }),
      ],
      controllers: [GreetingController],
      providers: [GreetingService],
    });
    const names = Array.from({ length: 40 }, (_, i) => `user-${i}`);
    const responses = await Promise.all(names.map((name) => running.get(`/greet/${name}`)));
    expect(responses.map((response) => response.body)).toEqual(names.map((name) => ({ text: `Hello, ${name}!` })));
    // A direct call of the provider, whose main fails, is recorded too.
    await expect(running.app.get(GreetingService).greet('nobody')).rejects.toThrow('no one to greet');
    const mint = running.app.get(Spearmint);

    await running.app.close();

    const text = readFileSync(file, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const records = text.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(records).toHaveLength(names.length + 1);
    const meta = { experiment: 'GreetingService.greet', configId: 'hello', durationMs: expect.any(Number), timestamp: expect.any(String) };
    const byName = new Map(records.map((record) => [record.input[0], record]));
    for (const name of names) {
      expect(byName.get(name)).toEqual({ id: expect.any(String), input: [name], expected: `Hello, ${name}!`, meta: { ...meta, ok: true } });
    }
    expect(byName.get('nobody')).toEqual({ id: expect.any(String), input: ['nobody'], meta: { ...meta, ok: false, error: { name: 'Error', message: 'no one to greet' } } });
    expect(new Set(records.map((record) => record.id)).size).toBe(records.length);
    expect(mint.stats()).toMatchObject({ started: names.length + 1, inFlight: 0, recordsDropped: 0 });
    expect(shadowErrors).toEqual(['hi-shadow']);
  });
});
