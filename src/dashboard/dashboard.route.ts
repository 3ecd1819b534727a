import { Router } from 'express';
import { securePage } from '../pages/page-security';
import { pageRoutes } from '../pages/page-routes';
import { dirname, join } from 'node:path';

/**
 * Chart.js's browser build, straight from the installed package (a dependency, pinned in the lock
 * file), so the page loads nothing from another origin and updates with `npm i`. The package
 * exports no subpath for it: found beside its CommonJS entry.
 */
const chartJs = join(dirname(require.resolve('chart.js')), 'chart.umd.min.js');

/** `GET /dashboard` and its files. The page needs no key to load: it asks for one. */
export function dashboardRoutes(): Router {
  const router = Router();
  router.get('/dashboard/vendor/chart.umd.min.js', (_req, res, next) => {
    securePage(res);
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(chartJs, (err) => err && next(err));
  });
  router.use(pageRoutes('/dashboard', join(__dirname, 'public')));
  return router;
}
