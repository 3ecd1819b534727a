/** A small closed-loop HTTP load generator: `concurrency` clients, each sending its next request as soon as the previous one answers. */
export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  failures: number;
}

export async function runLoad(
  url: string,
  init: { headers: Record<string, string>; body: string },
  options: { concurrency: number; seconds: number; check?: (body: string) => boolean },
): Promise<LoadResult> {
  const deadline = performance.now() + options.seconds * 1000;
  let requests = 0;
  let failures = 0;
  const started = performance.now();
  const client = async () => {
    while (performance.now() < deadline) {
      const res = await fetch(url, { method: 'POST', headers: init.headers, body: init.body });
      const text = await res.text();
      requests++;
      if (!res.ok || (options.check && !options.check(text))) failures++;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  return { requests, seconds, perSecond: requests / seconds, failures };
}
