// SpearmintModule's requestContext option over real HTTP: strategies see each request's values.
import { SpearmintModule, type SpearmintHttpRequest } from '@spearmint/nestjs';
import { AssignModule, AssignService } from '../fixtures/request-context.fixtures';
import { listen, type RunningApp } from '../fixtures/listen';

const fromHeader = (req: SpearmintHttpRequest) => {
  const mode = req.headers['x-mode'];
  if (mode === 'throw') throw new Error('no session store');
  if (mode === 'throw-string') throw 'not an Error';
  if (mode === 'number') return 42 as never;
  if (mode === 'async') return Promise.resolve({ userId: `async-${String(req.headers['x-user-id'])}` });
  if (mode === 'reject') return Promise.reject(new Error('lookup failed'));
  return req.headers['x-user-id'] === undefined ? undefined : { userId: req.headers['x-user-id'] };
};

async function getAs(running: RunningApp, path: string, headers: Record<string, string>) {
  const response = await fetch(running.url + path, { headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const users = (count: number) => Array.from({ length: count }, (_, i) => `user-${i}`);

describe('SpearmintModule({ requestContext })', () => {
  let running: RunningApp | undefined;
  afterEach(async () => {
    await running?.app.close();
    running = undefined;
  });

  it('forRoot: each request runs with its values, so weighted({ key: "userId" }) picks per user with no glue in handlers', async () => {
    running = await listen({ imports: [SpearmintModule.forRoot({ requestContext: fromHeader }), AssignModule] });
    const service = running.app.get(AssignService);
    const ids = users(30);
    const replies = await Promise.all(ids.map((userId) => getAs(running!, '/assign', { 'x-user-id': userId })));
    replies.forEach((reply, i) => expect(reply).toEqual({ status: 200, body: { configId: service.configFor(ids[i]!), userId: ids[i] } }));
    expect(new Set(replies.map((reply) => reply.body.configId)).size).toBe(3);
    expect((await getAs(running, '/assign', {})).body).toEqual({ configId: 'red', userId: null }); // no values: the first config
  });

  it('keeps 200 concurrent, interleaved requests apart', async () => {
    running = await listen({ imports: [SpearmintModule.forRoot({ requestContext: fromHeader }), AssignModule] });
    const service = running.app.get(AssignService);
    const ids = users(200);
    const replies = await Promise.all(ids.map((userId, i) => getAs(running!, `/assign?turns=${(i * 7) % 13}`, { 'x-user-id': userId })));
    replies.forEach((reply, i) => expect(reply.body).toEqual({ configId: service.configFor(ids[i]!), userId: ids[i] }));
  });

  it('forRootAsync: the factory may return requestContext; a promise of values works', async () => {
    running = await listen({ imports: [SpearmintModule.forRootAsync({ useFactory: async () => ({ requestContext: fromHeader }) }), AssignModule] });
    const service = running.app.get(AssignService);
    expect((await getAs(running, '/assign', { 'x-user-id': 'u9', 'x-mode': 'async' })).body).toEqual({ configId: service.configFor('async-u9'), userId: 'async-u9' });
  });

  it('fails the request with what requestContext throws or rejects with, and with a TypeError for a non-object', async () => {
    running = await listen({ imports: [SpearmintModule.forRoot({ requestContext: fromHeader }), AssignModule] });
    for (const mode of ['throw', 'throw-string', 'number', 'reject']) {
      expect((await getAs(running, '/assign', { 'x-mode': mode })).status).toBe(500);
    }
    expect((await getAs(running, '/assign', { 'x-user-id': 'after-failures' })).status).toBe(200);
  });

  it('without requestContext, handlers run with no request values', async () => {
    running = await listen({ imports: [SpearmintModule.forRoot(), AssignModule] });
    expect((await getAs(running, '/assign', { 'x-user-id': 'user-1' })).body).toEqual({ configId: 'red', userId: null });
  });

  it('rejects a requestContext that is not a function', () => {
    expect(() => SpearmintModule.forRoot({ requestContext: 'userId' as never })).toThrow(
      new TypeError('Expected `requestContext` of SpearmintModule.forRoot() to be a function (request, context) => ({ userId: ... }), got `userId` (string).'),
    );
  });
});
