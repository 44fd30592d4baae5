/**
 * `@spearmint/core/internal`: what the sibling packages (`@spearmint/decorators`,
 * `@spearmint/nestjs`) need of the engine. No stable API: it changes with the engine, in any
 * release. Apps use `@spearmint/core` (or `@spearmint/decorators`).
 *
 * @packageDocumentation
 * @module @spearmint/core/internal
 */
// Defining experiments
export { defineExperiment, type ExperimentSetup } from './experiment/define-experiment';
export { Experiment, type ExperimentParts } from './experiment/experiment';
export { DEFAULT_CONFIG } from './experiment/default-config';
export type { Injection } from './experiment/injection';
export { registerExperimentDefaults, experimentDefaultsOf, withDefaults, type ExperimentDefaults } from './experiment/instance-defaults';
export { designParamTypes, copyOwnMetadata } from './experiment/reflect-metadata';
export { checkStrategy } from './strategies/check-strategy';
export { checkKnownKeys } from './internal/known-keys';
export { describeError, messageOf } from './internal/describe-error';

// Finding the experiment a function stands for
export { registerExperimentFunction, findExperimentBinding, experimentBindingOf, type ExperimentBinding, type RegisteredExperiment } from './experiment/registry';

// Running
export { callExperiment } from './run/call-experiment';
export { runExperiment } from './run/run-experiment';
export type { CasePlan, RunnableExperiment } from './run/runnable-experiment';

// Supervising background variants
export { Supervisor } from './supervision/supervisor';
export type { SupervisorOptions } from './supervision/supervisor-options';
export type { ComparedExperiment, VariantOutcome } from './supervision/variant-stats';
export { ComparisonTally } from './supervision/comparison-tally';

// Types the declarations above refer to
export type { RequestValues } from './context/request-context';
export type { OtelContext, OtelSpan, OtelTracer } from './tracing/otel-api';
