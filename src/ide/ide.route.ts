import { Request, Response, Router } from 'express';
import type { Logger } from '../logger';
import { securePage } from '../pages/page-security';
import { ideBundle } from './ide-bundle';

/**
 * The hosted pages' policy (no other origin, no inline script, no framing), plus data: URLs for
 * fonts and images: GraphiQL's stylesheet carries its fonts and icons inline.
 */
const IDE_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tariff · GraphQL IDE</title>
<link rel="stylesheet" href="/ide/ide.css">
<script src="/ide/ide.js" defer></script>
</head>
<body>
<noscript>The GraphQL IDE needs JavaScript. Without it, POST queries to /graphql with an Authorization: Bearer header.</noscript>
<div id="ide"></div>
</body>
</html>
`;

/** The media types a GraphQL client asks for, listed first so that a tie (or no Accept) goes to the API. */
const NEGOTIATED = ['application/graphql-response+json', 'application/json', 'text/html'];

function idePage(res: Response): void {
  securePage(res);
  res.setHeader('Content-Security-Policy', IDE_CONTENT_SECURITY_POLICY);
}

/**
 * `GET /graphql` for a browser (one that prefers text/html) serves GraphiQL; any other request
 * falls through to the API. The bundle is served from this server at /ide/.
 */
export function ideRoutes(options: { logger: Logger }): Router {
  const router = Router();
  router.get('/graphql', (req: Request, res: Response, next) => {
    res.vary('Accept');
    if (req.accepts(NEGOTIATED) !== 'text/html') return next();
    idePage(res);
    res.setHeader('Cache-Control', 'no-store');
    res.type('html').send(PAGE);
    // Start the build now (source runs), so the script is ready when the page asks for it.
    ideBundle().catch(() => undefined);
  });
  for (const [path, part, type] of [
    ['/ide/ide.js', 'js', 'text/javascript'],
    ['/ide/ide.css', 'css', 'text/css'],
  ] as const) {
    router.get(path, async (_req, res) => {
      idePage(res);
      try {
        const bundle = await ideBundle();
        res.setHeader('Cache-Control', 'no-cache');
        res.type(type).send(bundle[part]);
      } catch (err) {
        options.logger.error({ err }, 'the GraphQL IDE could not be built');
        res
          .status(503)
          .type('text/plain')
          .send('The GraphQL IDE is not built: run `npm run build`, or start from source with the dev dependencies installed.');
      }
    });
  }
  return router;
}
