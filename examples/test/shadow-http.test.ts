import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { ExecutionInfo, FunctionResult } from '@spearmint/decorators';
import { createPricingService } from '../shadow-http/service';

const root = join(__dirname, '..', '..');

it('answers 200 real HTTP requests from main while the shadow results arrive in onResult', async () => {
  const seen: Array<[FunctionResult, ExecutionInfo]> = [];
  const { server, close } = createPricingService((result, info) => void seen.push([result, info]));
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const { port } = server.address() as AddressInfo;

  const responses = await Promise.all(
    Array.from({ length: 200 }, async (_, i) => {
      const response = await fetch(`http://127.0.0.1:${port}/?quantity=${i % 20}`);
      return [i % 20, response.status, await response.json()] as const;
    }),
  );
  for (const [quantity, status, body] of responses) {
    expect(status).toBe(200);
    expect(body).toEqual({ total: quantity * 10, algorithm: 'flat' });
  }
  const stats = await close();
  expect(stats).toMatchObject({ started: 200, succeeded: 200, dropped: 0, inFlight: 0 });
  const shadows = seen.filter(([, info]) => info.role === 'variant');
  expect(shadows).toHaveLength(200);
  expect(shadows.every(([r, info]) => r.ok && info.background && info.configId === 'tiered-shadow')).toBe(true);
  expect(shadows.map(([r]) => (r.result as { algorithm: string }).algorithm)).toEqual(Array(200).fill('tiered'));
  expect(seen.filter(([, info]) => info.role === 'main')).toHaveLength(200);
}, 20_000);

it('starts with its npm script and serves main results', async () => {
  const child = spawn('npm', ['run', '-s', 'shadow-http'], { cwd: root, env: { ...process.env, PORT: '0' }, stdio: 'pipe', detached: true });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (http:\/\/localhost:\d+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
    });
    const port = Number(new URL(url).port);
    expect(port).toBeGreaterThan(0);
    const response = await fetch(`http://127.0.0.1:${port}/?quantity=12`);
    expect(await response.json()).toEqual({ total: 120, algorithm: 'flat' });
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid!, 'SIGTERM'); // the whole group: npm, tsx and the server
    await exited;
  }
}, 20_000);
