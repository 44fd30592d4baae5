import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import { withContext } from '@spearmint/decorators';
import { Observable, type Subscription } from 'rxjs';
import type { ResolvedSpearmintModuleOptions } from './interfaces/spearmint-module-options.interface';
import { SPEARMINT_OPTIONS } from './spearmint.constants';
import { requestContextThrewMessage, requestContextValuesMessage } from './spearmint.messages';

/**
 * Runs each handler inside `withContext` with the values the module's `requestContext` option
 * takes from the request, so strategies such as `strategies.weighted({ key: 'userId' })` see them.
 * Registered by `SpearmintModule` as a global interceptor (`APP_INTERCEPTOR`); without the option
 * it passes requests through. It calls `next.handle()` inside the context: Nest binds the rest of
 * the chain, and the handler, to the async context of that call.
 */
@Injectable()
export class SpearmintContextInterceptor implements NestInterceptor {
  constructor(@Inject(SPEARMINT_OPTIONS) private readonly options: ResolvedSpearmintModuleOptions) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const valuesOf = this.options.requestContext;
    if (valuesOf === undefined) return next.handle();
    return new Observable<unknown>((subscriber) => {
      let inner: Subscription | undefined;
      const start = (values: unknown): void => {
        if (subscriber.closed) return;
        const checked = checkValues(values);
        if (checked instanceof Error) return subscriber.error(checked);
        const handle = (): void => void (inner = next.handle().subscribe(subscriber));
        if (checked === undefined) handle();
        else withContext(checked, handle);
      };
      const fail = (error: unknown): void => subscriber.error(error instanceof Error ? error : new Error(requestContextThrewMessage(error)));
      try {
        const values: unknown = valuesOf(context.getArgByIndex(0), context);
        if (isPromiseLike(values)) Promise.resolve(values).then(start, fail).then(undefined, fail);
        else start(values);
      } catch (error) {
        fail(error);
      }
      return () => inner?.unsubscribe();
    });
  }
}

/** The values as a copy (every getter read now), `undefined` for none, or the error to fail the request with. */
function checkValues(values: unknown): Record<string, unknown> | undefined | Error {
  if (values === undefined) return undefined;
  if (values === null || typeof values !== 'object' || Array.isArray(values)) return new TypeError(requestContextValuesMessage(values));
  try {
    return { ...values };
  } catch (error) {
    return error instanceof Error ? error : new Error(requestContextThrewMessage(error));
  }
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return value !== null && (typeof value === 'object' || typeof value === 'function') && typeof (value as { then?: unknown }).then === 'function';
}
