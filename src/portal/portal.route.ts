import express, { Response, Router } from 'express';
import { join } from 'node:path';

/** The page, its script and stylesheet: plain files, nothing built, nothing from another origin. */
const assets = join(__dirname, 'public');

/**
 * The page only ever talks to this origin; the session secret sits in sessionStorage, so the
 * policy also forbids inline script (no injected markup can run), framing and sending a Referer.
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

/** `GET /portal` and its files. The page needs no key to load: it carries none until the link's fragment gives it one. */
export function portalRoutes(): Router {
  const router = Router();
  router.get(['/portal', '/portal/'], (_req, res) => {
    secure(res);
    res.setHeader('Cache-Control', 'no-store');
    res.sendFile(join(assets, 'index.html'));
  });
  router.use(
    '/portal',
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
