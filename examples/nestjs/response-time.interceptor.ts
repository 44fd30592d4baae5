import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { type Observable, tap } from 'rxjs';

/** Adds an `X-Response-Time` header: how long the handler took. */
@Injectable()
export class ResponseTimeInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const started = performance.now();
    return next.handle().pipe(
      tap(() => {
        const response = context.switchToHttp().getResponse<{ setHeader(name: string, value: string): void }>();
        response.setHeader('X-Response-Time', `${(performance.now() - started).toFixed(1)}ms`);
      }),
    );
  }
}
