/** Production: the shadow-http pricing service with `record:` on, under a short load, then shut down. */
import type { AddressInfo } from 'node:net';
import type { VariantStats } from '@spearmint/decorators';
import { createPricingService } from '../shadow-http/service';
import { sendLoad } from './load';

/** Serves `requests` real HTTP requests while recording every call to `recording`; resolves once the file is flushed and closed. */
export async function recordTraffic(recording: string, requests: number): Promise<VariantStats> {
  const { server, close } = createPricingService(() => {}, { record: { to: recording, sampleRate: 1 } });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const load = sendLoad(`http://127.0.0.1:${port}`, requests);
  await load.catch(() => {}); // shut down whatever happened
  // server.close(), then mint.drain(): the last shadows settle, the recording is flushed and closed.
  const stats = await close();
  await load; // a failed request fails the example
  return stats;
}
