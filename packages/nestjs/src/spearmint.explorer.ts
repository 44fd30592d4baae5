import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { Supervisor } from '@spearmint/core/internal';
import { Spearmint } from '@spearmint/decorators';
import type { ResolvedSpearmintModuleOptions } from './interfaces/spearmint-module-options.interface';
import { SpearmintMetadataAccessor } from './spearmint-metadata.accessor';
import { SPEARMINT_OPTIONS } from './spearmint.constants';
import { drainTimedOutMessage, reboundMessage, requestScopedMessage } from './spearmint.messages';

type InstanceWrapper = ReturnType<DiscoveryService['getProviders']>[number];

/** The module instances of applications that are initialised and not yet shut down. */
const runningInstances = new WeakSet<Spearmint>();

/**
 * Finds the experiments among the methods of the application's providers and controllers when
 * the module initialises: `@Experiment()` methods become experiments of the module's `Spearmint`
 * instance, and the instances behind `@mint.experiment()` methods are noted. On shutdown, drains
 * the background variants of all of them, within `shutdownDrainTimeoutMs`.
 */
@Injectable()
export class SpearmintExplorer implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Spearmint');
  /** Supervisors of the application's own `Spearmint` instances (`@mint.experiment()` methods). */
  private readonly otherSupervisors = new Set<Supervisor>();
  private drainDeadline: number | undefined;
  private warnedAboutDrain = false;

  constructor(
    @Inject(SPEARMINT_OPTIONS) private readonly options: ResolvedSpearmintModuleOptions,
    private readonly spearmint: Spearmint,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly accessor: SpearmintMetadataAccessor,
  ) {}

  onModuleInit(): void {
    this.explore();
    runningInstances.add(this.spearmint);
  }

  /**
   * Drains while the application's resources are still there: after `onModuleDestroy`, before
   * the HTTP server closes.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.drain();
  }

  /**
   * Drains again once the HTTP server has closed, for the variants of requests that were still
   * being answered during the first drain; the time limit covers both drains together.
   */
  async onApplicationShutdown(): Promise<void> {
    await this.drain();
    runningInstances.delete(this.spearmint);
  }

  private explore(): void {
    const seen = new Set<unknown>();
    for (const wrapper of [...this.discovery.getControllers(), ...this.discovery.getProviders()]) {
      const { instance } = wrapper;
      if (!instance || typeof instance !== 'object' || wrapper.isAlias) continue;
      const prototype: object | null = Object.getPrototypeOf(instance);
      if (!prototype) continue;
      for (const key of this.scanner.getAllMethodNames(prototype)) {
        // every class of the chain: an overriding method may call an @Experiment() one with super
        for (let owner: object | null = prototype; owner && owner !== Object.prototype; owner = Object.getPrototypeOf(owner)) {
          const method: unknown = Object.getOwnPropertyDescriptor(owner, key)?.value;
          if (method === undefined || seen.has(method)) continue;
          seen.add(method);
          this.lookUp(wrapper, key, method);
        }
      }
    }
  }

  private lookUp(wrapper: InstanceWrapper, key: string, method: unknown): void {
    const deferred = this.accessor.getDeferredExperiment(method);
    if (deferred === undefined) {
      const supervisor = this.accessor.getSupervisor(method);
      if (supervisor) this.otherSupervisors.add(supervisor);
      return;
    }
    if (!wrapper.isDependencyTreeStatic()) this.logger.warn(requestScopedMessage(String(wrapper.name), key));
    const previous = deferred.setUp(this.spearmint);
    if (previous && runningInstances.has(previous)) this.logger.warn(reboundMessage(deferred.name));
  }

  /**
   * Waits for every background variant and hook call, up to the deadline the first drain sets;
   * warns (once) when the deadline left variants running.
   */
  private async drain(): Promise<void> {
    const limit = this.options.shutdownDrainTimeoutMs;
    this.drainDeadline ??= Date.now() + limit;
    const timeout = limit === Infinity ? undefined : Math.max(0, this.drainDeadline - Date.now());
    const drains = [this.spearmint.drain(timeout), ...[...this.otherSupervisors].map((supervisor) => supervisor.drain(timeout))];
    const running = (await Promise.all(drains)).reduce((sum, stats) => sum + stats.inFlight, 0);
    if (running > 0 && !this.warnedAboutDrain) {
      this.warnedAboutDrain = true;
      this.logger.warn(drainTimedOutMessage(running, limit));
    }
  }
}
