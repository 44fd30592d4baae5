import { configFor, get, slowPost, userIds } from './http-fixtures';

/**
 * The cases every request-context adapter passes over real HTTP, against a server on `port()`
 * whose values function reads `x-user-id` (and `x-mode: async` / `none`) and whose `/assign`
 * routes answer with `assignConfig()`, as `http-fixtures.ts` describes.
 */
export function itKeepsEachRequestsContext(port: () => number): void {
  it('gives each user the config strategies.weighted({ key: "userId" }) picks for them, with no code in the handler', async () => {
    const users = userIds(30);
    const replies = await Promise.all(users.map((userId) => get(port(), '/assign', { 'x-user-id': userId })));
    replies.forEach((reply, i) => {
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({ configId: configFor(users[i]!), userId: users[i] });
    });
    expect(new Set(replies.map((reply) => reply.body.configId)).size).toBe(3); // 30 users land on all three configs
    // Sticky: the same user again gets the same config.
    expect((await get(port(), '/assign', { 'x-user-id': 'user-7' })).body.configId).toBe(configFor('user-7'));
  });

  it('keeps 300 concurrent, interleaved requests apart: each sees its own user', async () => {
    const users = userIds(300);
    const replies = await Promise.all(users.map((userId, i) => get(port(), `/assign?turns=${(i * 7) % 13}`, { 'x-user-id': userId })));
    replies.forEach((reply, i) => expect(reply.body).toEqual({ configId: configFor(users[i]!), userId: users[i] }));
  });

  it('keeps the context through a body parser reading a body that arrives in parts', async () => {
    const reply = await slowPost(port(), '/assign', { 'x-user-id': 'user-3' }, { question: 'why' });
    expect(reply.body).toEqual({ configId: configFor('user-3'), userId: 'user-3', body: { question: 'why' } });
  });

  it('accepts a promise of the values, and undefined for no values (the first config)', async () => {
    expect((await get(port(), '/assign', { 'x-user-id': 'u9', 'x-mode': 'async' })).body).toEqual({ configId: configFor('async-u9'), userId: 'async-u9' });
    expect((await get(port(), '/assign', { 'x-mode': 'none' })).body).toEqual({ configId: 'red', userId: null });
  });
}
