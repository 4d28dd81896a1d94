/**
 * Moved to $lib/server/charts/render (server code under src/lib/server, issue 14). This re-export
 * stays only while src/lib/server/export/svg.ts imports it from here; remove it with that import.
 */
export { renderChart, serverDocument, type RenderOptions } from '$lib/server/charts/render';
