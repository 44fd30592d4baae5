import { Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { findExperimentBinding, type Supervisor } from '@spearmint/core/internal';
import type { DeferredExperiment } from './internal/deferred-experiment';
import { SPEARMINT_EXPERIMENT } from './spearmint.constants';

/** Reads what Spearmint's decorators left on a provider's method. */
@Injectable()
export class SpearmintMetadataAccessor {
  constructor(private readonly reflector: Reflector) {}

  /** The `@Experiment()` behind a method, if it has one. */
  getDeferredExperiment(method: unknown): DeferredExperiment | undefined {
    return typeof method === 'function' ? this.reflector.get<DeferredExperiment | undefined>(SPEARMINT_EXPERIMENT, method) : undefined;
  }

  /**
   * For a method decorated with `@mint.experiment()` (an instance the application made itself),
   * the supervisor of that instance's background variants, so shutdown can drain them too.
   */
  getSupervisor(method: unknown): Supervisor | undefined {
    return findExperimentBinding(method)?.experiment.supervisor;
  }
}
