// npm run shadow-http: starts the pricing service on $PORT (default 3001). Every response comes
// from main (`flat`); the `tiered-shadow` config runs on the same traffic, after the response.
import type { AddressInfo } from 'node:net';
import { createPricingService } from './service';

const port = Number(process.env.PORT ?? 3001);
const { server, close } = createPricingService((result, info) => {
  if (info.role === 'variant') {
    console.log(`shadow ${info.configId}: ${JSON.stringify(result.result)} (${result.durationMs.toFixed(2)} ms, ok=${result.ok})`);
  }
});

server.listen(port, () => {
  const { port: actual } = server.address() as AddressInfo;
  console.log(`pricing service listening on http://localhost:${actual}/?quantity=12`);
});

const shutdown = async () => {
  const stats = await close();
  console.log(`shadow variants: ${JSON.stringify(stats)}`);
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
