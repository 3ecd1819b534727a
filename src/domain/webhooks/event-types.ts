export function matchesEventType(patterns: readonly string[], type: string): boolean {
  const aggregate = type.slice(0, type.indexOf('.'));
  return patterns.some((p) => p === '*' || p === type || p === `${aggregate}.*`);
}
