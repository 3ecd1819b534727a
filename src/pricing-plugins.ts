import Module from 'node:module';
import { isAbsolute, resolve } from 'node:path';
import { ConfigError } from './config';
import type { Logger } from './logger';
import { type PluginFault, PricingPluginError, registerPricingPlugin } from './pricing';

/** A pricing plugin that could not be loaded or was refused: the start stops with this message. */
export class PricingPluginLoadError extends ConfigError {}

/** The module a plugin gets for `require('tariff/pricing')`: this process's own engine. */
const ENGINE_ENTRY = require.resolve('./pricing');
const PACKAGE_ENTRY = 'tariff/pricing';

type ResolveFilename = (request: string, ...rest: unknown[]) => string;
let engineProvided = false;

/**
 * Inside Tariff, `tariff/pricing` in a plugin is the running server's engine, whatever is (or is
 * not) installed next to the plugin: one Decimal, one PricingInputError, one zod, one registry.
 * (Jest has a module system of its own: jest.config.js maps the same name.)
 */
function provideEngineToPlugins(): void {
  if (engineProvided) return;
  engineProvided = true;
  const internals = Module as unknown as { _resolveFilename: ResolveFilename };
  const resolveFilename = internals._resolveFilename;
  internals._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]): string {
    return request === PACKAGE_ENTRY ? ENGINE_ENTRY : resolveFilename.call(this, request, ...rest);
  };
}

/** A path (`./plugins/x.js`, `/opt/x.js`) is taken from `cwd`; anything else is a package name, resolved from `cwd` too. */
function resolvePlugin(entry: string, cwd: string): string {
  const isPath = entry.startsWith('./') || entry.startsWith('../') || isAbsolute(entry);
  return require.resolve(isPath ? resolve(cwd, entry) : entry, { paths: [cwd] });
}

/** Modules already loaded in this process, by resolved file, with their kinds: loading is once per process. */
const loaded = new Map<string, string[]>();
let reportFault: (fault: PluginFault) => void = () => {};

export interface LoadedPlugin {
  plugin: string;
  file: string;
  kinds: string[];
}

/**
 * Loads the pricing plugins of TARIFF_PRICING_PLUGINS, in order, and registers their rules
 * (src/pricing/plugins.ts checks each). A plugin that cannot be found, throws while loading or
 * is refused stops the start: PricingPluginLoadError names it and says why. A plugin's failure
 * while pricing is logged here, with its name, as a warning (the line gets BAD_USER_INPUT).
 */
export function loadPricingPlugins(entries: readonly string[], logger: Logger, cwd = process.cwd()): LoadedPlugin[] {
  reportFault = ({ plugin, kind, phase, error }) =>
    logger.warn({ plugin, kind, phase, err: error }, 'pricing plugin failed; the line is refused with BAD_USER_INPUT');
  if (entries.length > 0) provideEngineToPlugins();
  return entries.map((plugin) => {
    let file: string;
    let exported: unknown;
    try {
      file = resolvePlugin(plugin, cwd);
      const known = loaded.get(file);
      if (known !== undefined) return { plugin, file, kinds: known };
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a plugin is a module named at run time
      exported = require(file);
    } catch (error) {
      const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new PricingPluginLoadError(`TARIFF_PRICING_PLUGINS: cannot load pricing plugin '${plugin}': ${why}`);
    }
    try {
      const kinds = registerPricingPlugin(exported, plugin, (fault) => reportFault(fault));
      loaded.set(file, kinds);
      logger.info({ plugin, file, kinds }, 'pricing plugin loaded');
      return { plugin, file, kinds };
    } catch (error) {
      if (!(error instanceof PricingPluginError)) throw error;
      throw new PricingPluginLoadError(`TARIFF_PRICING_PLUGINS: pricing plugin '${plugin}' refused: ${error.message}`);
    }
  });
}
