import { request as httpRequest } from 'node:http';
import { type Config, RuntimeContext, strategies, withContext } from '../../src';
import { defineExperiment, Supervisor } from '../../src/internal-api';

/** Three configs split evenly by user id, sticky, with no shadow variants. */
export const assignConfig = defineExperiment(
  function assignConfig(config?: Config): string {
    return config!.config_id;
  },
  {
    supervisor: new Supervisor(),
    configs: [{ config_id: 'red' }, { config_id: 'green' }, { config_id: 'blue' }],
    strategy: strategies.weighted({ weights: [1, 1, 1], key: 'userId', shadow: false }),
  },
);

/** The config a user gets, computed without HTTP: the experiment called inside `withContext`. */
export function configFor(userId: string): string {
  return withContext({ userId }, () => assignConfig());
}

/** The request value `userId` as a strategy sees it now. */
export function currentUserId(): unknown {
  return new RuntimeContext('probe').get('userId');
}

/** Waits `turns` turns of the event loop (so concurrent requests interleave), never a fixed time. */
export async function yieldTurns(turns: number): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
}

export interface Reply {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** GET `path` with headers, parsed as JSON. */
export async function get(port: number, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, { headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** POST a JSON body in two chunks, the second on a later turn of the event loop (a slow client). */
export function slowPost(port: number, path: string, headers: Record<string, string>, body: unknown): Promise<Reply> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method: 'POST', path, headers: { ...headers, 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (data += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(data) as Record<string, unknown> }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.flushHeaders();
    req.write(text.slice(0, 3));
    setImmediate(() => req.end(text.slice(3)));
  });
}

/** `count` distinct user ids. */
export function userIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `user-${i}`);
}
