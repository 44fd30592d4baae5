import { createServer, type Server } from 'node:http';
import { Config, type ExecutionInfo, type FunctionResult, type RecordOptions, Spearmint } from '@spearmint/decorators';

type PricingConfig = Config<{ algorithm: 'flat' | 'tiered'; discount: number }>;

/** The values of one pricing config. */
export interface PricingValues {
  readonly config_id: string;
  readonly algorithm: 'flat' | 'tiered';
  readonly discount: number;
}

/** Optional settings of the service (the shadow-http example needs none). */
export interface PricingServiceOptions {
  /** Records the service's calls as a dataset (the record-replay example). */
  readonly record?: RecordOptions;
  /** Replaces the configs (default: `flat` as main, `tiered-shadow` as its shadow), e.g. to replay a recording against others. */
  readonly configs?: readonly PricingValues[];
}

/**
 * A node:http service whose handler is an experiment: the `flat` pricing is main (every response
 * comes from it); the `tiered` pricing runs as shadow traffic on the same requests, after the
 * response, and its results arrive in `onResult`.
 */
export function createPricingService(onResult: (result: FunctionResult, info: ExecutionInfo) => void, options: PricingServiceOptions = {}) {
  const mint = new Spearmint({
    configs: options.configs ?? [
      { config_id: 'flat', algorithm: 'flat', discount: 0 },
      { config_id: 'tiered-shadow', algorithm: 'tiered', discount: 0.1 },
    ],
    onResult,
    ...(options.record && { record: options.record }),
  });

  class Pricing {
    @mint.experiment({ name: 'Pricing.quote' })
    async quote(quantity: number, config?: PricingConfig): Promise<{ total: number; algorithm: string }> {
      const unit = config!.algorithm === 'tiered' && quantity >= 10 ? 8 : 10;
      return { total: Math.round(quantity * unit * (1 - config!.discount) * 100) / 100, algorithm: config!.algorithm };
    }
  }
  const pricing = new Pricing();

  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const quantity = Number(url.searchParams.get('quantity') ?? '1');
    if (!Number.isFinite(quantity) || quantity < 0) {
      response.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'quantity must be a number ≥ 0' }));
      return;
    }
    const quote = await pricing.quote(quantity);
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(quote));
  });

  /** Stops accepting requests, then waits for every shadow variant (graceful shutdown). */
  const close = async () => {
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    return mint.drain(5_000);
  };
  return { server, mint, close, pricing };
}
