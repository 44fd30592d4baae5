import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { fastifyRequestContext } from '../../src/http/fastify-plugin';
import { assignConfig, configFor, currentUserId, get, yieldTurns } from './http-fixtures';
import { itKeepsEachRequestsContext } from './request-context-cases';

let app: FastifyInstance;
let port: number;

/** A shared worker queue: jobs run in the worker's async context, not the submitting request's. */
const idleWorkers: Array<(job: () => void) => void> = [];
const jobs: Array<() => void> = [];
function submit(job: () => void): void {
  const worker = idleWorkers.shift();
  if (worker) worker(job);
  else jobs.push(job);
}
async function worker(): Promise<never> {
  for (;;) (jobs.shift() ?? (await new Promise<() => void>((resolve) => idleWorkers.push(resolve))))();
}

beforeAll(async () => {
  void worker(); // started outside any request
  app = Fastify();
  // A body parser that resumes the request from the worker, where the request context is lost.
  app.addContentTypeParser('text/x-queued', { parseAs: 'string' }, (_request, body, done) => {
    submit(() => done(null, { text: body, contextInParser: currentUserId() ?? null }));
  });
  await app.register(
    fastifyRequestContext((request: FastifyRequest) => {
      const mode = request.headers['x-mode'];
      if (mode === 'throw') throw new Error('no session store');
      if (mode === 'throw-string') throw 'not an Error';
      if (mode === 'async') return Promise.resolve({ userId: `async-${String(request.headers['x-user-id'])}` });
      if (mode === 'reject') return Promise.reject(new Error('lookup failed'));
      if (mode === 'none') return undefined;
      return { userId: request.headers['x-user-id'] };
    }),
  );
  // Routes in an encapsulated child plugin see the context too: the plugin is not encapsulated.
  await app.register(async (child) => {
    child.get<{ Querystring: { turns?: string } }>('/assign', async (request) => {
      await yieldTurns(Number(request.query.turns ?? 0));
      return { configId: assignConfig(), userId: currentUserId() ?? null };
    });
    child.post('/assign', async (request) => ({ configId: assignConfig(), userId: currentUserId() ?? null, body: request.body }));
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as AddressInfo).port;
});

afterAll(() => app.close());

describe('fastifyRequestContext over real HTTP (Fastify 5)', () => {
  itKeepsEachRequestsContext(() => port);

  it('keeps the context after a body parser that resumes the request from another async context', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/assign`, {
      method: 'POST',
      headers: { 'x-user-id': 'user-5', 'content-type': 'text/x-queued' },
      body: 'hello',
    });
    expect(await response.json()).toEqual({ configId: configFor('user-5'), userId: 'user-5', body: { text: 'hello', contextInParser: null } });
  });

  it('fails the request with what the values function throws or rejects with', async () => {
    for (const [mode, message] of [
      ['throw', 'no session store'],
      ['reject', 'lookup failed'],
      ['throw-string', 'fastifyRequestContext: the request values function threw not an Error'],
    ]) {
      const reply = await get(port, '/assign', { 'x-mode': mode! });
      expect(reply.status).toBe(500);
      expect(reply.body.message).toBe(message);
    }
  });
});
