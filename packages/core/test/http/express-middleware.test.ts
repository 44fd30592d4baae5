import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import { requestContextMiddleware } from '../../src/http/express-middleware';
import { assignConfig, currentUserId, get, yieldTurns } from './http-fixtures';
import { itKeepsEachRequestsContext } from './request-context-cases';

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
  itKeepsEachRequestsContext(() => port);

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
