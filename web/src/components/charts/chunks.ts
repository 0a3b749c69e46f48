import { chunk } from '../chunk.ts';

/**
 * The charts' code (Recharts is the largest dependency), apart from the pages that draw them so
 * a page's figures are not held up by it; asked for alongside the page (App's preloadRoute) so it
 * is there when the figures are.
 */
export const chartsChunk = chunk(() => import('./DashboardCharts.tsx'));
export const strictnessChunk = chunk(() => import('../../pages/qa/StrictnessChart.tsx'));
