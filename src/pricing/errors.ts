export interface PricingIssue {
  /** Field path of the offending input, e.g. `rule.config.tiers[1].upTo` or `lines[2].quantity`. */
  path: string;
  message: string;
}

/**
 * The only error the engine throws for bad input. The service layer maps it to
 * BAD_USER_INPUT with `issues[0].path` as the field; anything else escaping the engine is a bug.
 */
export class PricingInputError extends Error {
  override readonly name = 'PricingInputError';
  readonly issues: PricingIssue[];

  constructor(issues: PricingIssue[]) {
    super(issues.map((i) => (i.path === '' ? i.message : `${i.path}: ${i.message}`)).join('; '));
    this.issues = issues;
  }

  static at(path: string, message: string): PricingInputError {
    return new PricingInputError([{ path, message }]);
  }

  /** The first offending field, for GraphQL's `extensions.field`. */
  get field(): string {
    return this.issues[0]?.path ?? '';
  }

  /** The same issues re-rooted under `prefix`, for errors raised by a nested parser. */
  under(prefix: string): PricingInputError {
    return new PricingInputError(this.issues.map((i) => ({ path: joinPath(prefix, i.path), message: i.message })));
  }
}

/** joinPath('rule.config', 'tiers[1].upTo'), joinPath('lines', '[2]'), joinPath('x', '') → 'x'. */
export function joinPath(prefix: string, path: string): string {
  if (prefix === '') return path;
  if (path === '') return prefix;
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
}

/** Runs `fn`, re-rooting any PricingInputError it throws under `prefix`. */
export function withPathPrefix<T>(prefix: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof PricingInputError) throw error.under(prefix);
    throw error;
  }
}
