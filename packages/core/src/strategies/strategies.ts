import { roundRobin } from './round-robin';
import { splitAt } from './split';
import { contextFree, type Strategy } from './strategy';
import { weighted } from './weighted';

/** The default: the first config is main, every other config runs as a variant. */
const shadow: Strategy = contextFree((configs) => splitAt(configs, 0, true));

/** The first config only; no variants. */
const single: Strategy = contextFree((configs) => splitAt(configs, 0, false));

/**
 * The built-in strategies: `shadow` (the default), `single`, `roundRobin({ shadow? })` and
 * `weighted({ weights, key, shadow? })`. A custom strategy is any function of type `Strategy`.
 */
export const strategies = Object.freeze({ shadow, single, roundRobin, weighted });
