import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import { requestContextMiddleware } from '../../src/http/express-middleware';
import { assignConfig, configFor, currentUserId, get, slowPost, userIds, yieldTurns } from './http-fixtures';

let server: Server;
let port: number;

beforeAll(async () => {
  const app = express();
  app.use(
    requestContextMiddleware((req) => {
      const mode = req.headers['x-mode'];
      if (mode === 'throw') throw new Error('no session store');
      if (mode === 'throw-undefined') throw undefined;
      if (mode === 'reject-route') return Promise.reject('route');
      if (mode === 'string') return 'user-1' as never;
      if (mode === 'async') return Promise.resolve({ userId: `async-${String(req.headers['x-user-id'])}` });
      if (mode === 'none') return undefined;
      return { userId: req.headers['x-user-id'] };
    }),
  );
  app.use(express.json());
  // No glue: the handler calls the experiment; the strategy reads userId from the request context.
  app.get('/assign', async (req: Request, res: Response) => {
    await yieldTurns(Number(req.query.turns ?? 0));
    res.json({ configId: assignConfig(), userId: currentUserId() ?? null });
  });
  app.post('/assign', (req: Request, res: Response) => {
    res.json({ configId: assignConfig(), userId: currentUserId() ?? null, body: req.body as unknown });
  });
  app.use((error: Error, _req: Request, res: Response, _next: NextFunction) => {
    res.status(500).json({ error: error.message });
  });
  await new Promise<void>((resolve) => {
    server = app.listen(0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('requestContextMiddleware over real HTTP (Express 5)', () => {
  it('gives each user the config strategies.weighted({ key: "userId" }) picks for them, with no code in the handler', async () => {
    const users = userIds(30);
    const replies = await Promise.all(users.map((userId) => get(port, '/assign', { 'x-user-id': userId })));
    replies.forEach((reply, i) => {
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({ configId: configFor(users[i]!), userId: users[i] });
    });
    expect(new Set(replies.map((reply) => reply.body.configId)).size).toBe(3); // 30 users land on all three configs
    // Sticky: the same user again gets the same config.
    expect((await get(port, '/assign', { 'x-user-id': 'user-7' })).body.configId).toBe(configFor('user-7'));
  });

  it('keeps 300 concurrent, interleaved requests apart: each sees its own user', async () => {
    const users = userIds(300);
    const replies = await Promise.all(users.map((userId, i) => get(port, `/assign?turns=${(i * 7) % 13}`, { 'x-user-id': userId })));
    replies.forEach((reply, i) => expect(reply.body).toEqual({ configId: configFor(users[i]!), userId: users[i] }));
  });

  it('keeps the context through a body parser reading a body that arrives in parts', async () => {
    const reply = await slowPost(port, '/assign', { 'x-user-id': 'user-3' }, { question: 'why' });
    expect(reply.body).toEqual({ configId: configFor('user-3'), userId: 'user-3', body: { question: 'why' } });
  });

  it('accepts a promise of the values, and undefined for no values (the first config)', async () => {
    expect((await get(port, '/assign', { 'x-user-id': 'u9', 'x-mode': 'async' })).body).toEqual({ configId: configFor('async-u9'), userId: 'async-u9' });
    expect((await get(port, '/assign', { 'x-mode': 'none' })).body).toEqual({ configId: 'red', userId: null });
  });

  it('sends what the values function throws, or a TypeError for a non-object, to the error handler', async () => {
    expect(await get(port, '/assign', { 'x-mode': 'throw' })).toEqual({ status: 500, body: { error: 'no session store' } });
    // Never next(undefined) (success) or next('route') (a jump): always an Error.
    expect(await get(port, '/assign', { 'x-mode': 'throw-undefined' })).toEqual({
      status: 500,
      body: { error: 'requestContextMiddleware: the request values function threw undefined' },
    });
    expect(await get(port, '/assign', { 'x-mode': 'reject-route' })).toEqual({
      status: 500,
      body: { error: 'requestContextMiddleware: the request values function threw route' },
    });
    const reply = await get(port, '/assign', { 'x-mode': 'string' });
    expect(reply.status).toBe(500);
    expect(reply.body.error).toMatch(/requestContextMiddleware: expected the request values function to return an object .* got "user-1" \(string\)/);
  });

  it('rejects a missing values function at once', () => {
    expect(() => requestContextMiddleware(undefined as never)).toThrow(/requestContextMiddleware expects a function/);
  });
});
