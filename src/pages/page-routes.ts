import express, { RequestHandler, Router } from 'express';
import { join } from 'node:path';
import { securePage } from './page-security';

/** The stylesheet and script every hosted page loads first, served by each page under `/pages`. */
const sharedAssets = join(__dirname, 'public');

function assetFiles(folder: string): RequestHandler {
  return express.static(folder, {
    index: false,
    redirect: false,
    fallthrough: true,
    setHeaders: (res) => {
      securePage(res);
      res.setHeader('Cache-Control', 'no-cache');
    },
  });
}

/**
 * A hosted page: `index.html` of `folder` at `path`, the folder's other files under it, and the
 * shared files. Plain files, nothing built, nothing from another origin.
 */
export function pageRoutes(path: string, folder: string): Router {
  const router = Router();
  router.get([path, `${path}/`], (_req, res) => {
    securePage(res);
    res.setHeader('Cache-Control', 'no-store');
    res.sendFile(join(folder, 'index.html'));
  });
  router.use(path, assetFiles(folder));
  router.use('/pages', assetFiles(sharedAssets));
  return router;
}
