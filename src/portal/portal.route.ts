import type { Router } from 'express';
import { join } from 'node:path';
import { pageRoutes } from '../pages/page-routes';

/** `GET /portal` and its files. The page needs no key to load: it carries none until the link's fragment gives it one. */
export function portalRoutes(): Router {
  return pageRoutes('/portal', join(__dirname, 'public'));
}
