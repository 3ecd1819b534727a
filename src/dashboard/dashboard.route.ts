import express, { Response, Router } from 'express';
import { dirname, join } from 'node:path';

/** The page, its scripts and stylesheet: plain files, nothing built. */
const assets = join(__dirname, 'public');

/**
 * Chart.js's browser build, straight from the installed package (a dependency, pinned in the lock
 * file), so the page loads nothing from another origin and updates with `npm i`. The package
 * exports no subpath for it: found beside its CommonJS entry.
 */
const chartJs = join(dirname(require.resolve('chart.js')), 'chart.umd.min.js');

/**
 * The page only ever talks to this origin; the API key sits in sessionStorage, so the policy also
 * forbids inline script (no injected markup can run), framing, form posts and sending a Referer.
 * Chart.js sizes its canvases through the CSSOM, which style-src does not restrict.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

function secure(res: Response): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
}

/** `GET /dashboard` and its files. The page needs no key to load: it asks for one. */
export function dashboardRoutes(): Router {
  const router = Router();
  router.get(['/dashboard', '/dashboard/'], (_req, res) => {
    secure(res);
    res.setHeader('Cache-Control', 'no-store');
    res.sendFile(join(assets, 'index.html'));
  });
  router.get('/dashboard/vendor/chart.umd.min.js', (_req, res, next) => {
    secure(res);
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(chartJs, (err) => err && next(err));
  });
  router.use(
    '/dashboard',
    express.static(assets, {
      index: false,
      redirect: false,
      fallthrough: true,
      setHeaders: (res) => {
        secure(res);
        res.setHeader('Cache-Control', 'no-cache');
      },
    }),
  );
  return router;
}
