// The NestJS example: a ticket-triage service whose classifier is an experiment with a main
// config and two shadow configs. Start it with `npm run example:nestjs` (PORT, default 3000).
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

async function bootstrap(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new TypeError(`Expected PORT to be a port number from 0 to 65535, got '${process.env.PORT}'.`);
  }
  const app = await NestFactory.create(AppModule);
  app.enableShutdownHooks(); // SIGTERM / SIGINT → app.close(): shadow triages still running are drained first
  await app.listen(port);
  const { port: actual } = app.getHttpServer().address() as AddressInfo;
  console.log(`Triage service listening on http://localhost:${actual}`);
  console.log(`  curl -X POST localhost:${actual}/triage -H 'content-type: application/json' -d '{"text":"Checkout is down, urgent"}'`);
  console.log(`  curl localhost:${actual}/triage/report`);
}

bootstrap().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
