// `npm run example:nestjs` starts the example service on the port in PORT; it answers over HTTP
// and shuts down on SIGTERM.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import path from 'node:path';

const root = path.resolve(__dirname, '../../../..');

/** A port that was free a moment ago. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resolves with everything printed once `pattern` appears; rejects if the process exits first. */
function waitForOutput(child: ChildProcess, pattern: RegExp): Promise<string> {
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (pattern.test(output)) resolve(output);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`npm run example:nestjs exited with code ${code} before listening:\n${output}`)));
  });
}

describe('npm run example:nestjs', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    // the process group: npm, its shell and the node process of the service
    if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGKILL');
  });

  it('listens on PORT, answers with the main config and stops on SIGTERM', async () => {
    const port = await freePort();
    child = spawn('npm', ['run', 'example:nestjs'], { cwd: root, env: { ...process.env, PORT: String(port) }, detached: true });
    const output = await waitForOutput(child, /Triage service listening on http:\/\/localhost:(\d+)/);
    expect(output).toContain(`listening on http://localhost:${port}`);
    const response = await fetch(`http://127.0.0.1:${port}/triage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Login is down for everyone' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ priority: 'urgent', score: 3, matched: ['down'], configId: 'keywords-v1' });
    const exited = once(child, 'exit');
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
  }, 60_000);
});
