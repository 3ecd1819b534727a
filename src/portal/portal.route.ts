import express, { Router } from 'express';
import { securePage } from '../pages/page-security';
import { join } from 'node:path';

/** The page, its script and stylesheet: plain files, nothing built, nothing from another origin. */
const assets = join(__dirname, 'public');

/** `GET /portal` and its files. The page needs no key to load: it carries none until the link's fragment gives it one. */
export function portalRoutes(): Router {
  const router = Router();
  router.get(['/portal', '/portal/'], (_req, res) => {
    securePage(res);
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
        securePage(res);
        res.setHeader('Cache-Control', 'no-cache');
      },
    }),
  );
  return router;
}
