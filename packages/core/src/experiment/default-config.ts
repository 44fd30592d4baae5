import { type Config, createConfig } from '../config/config';

/** The config of an experiment that has none: `{ config_id: 'default' }`. */
export const DEFAULT_CONFIG: Config = createConfig({ config_id: 'default' }, 'the default config');
