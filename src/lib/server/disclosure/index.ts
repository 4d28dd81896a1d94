/**
 * Disclosure control: small numbers never leave the tool (issue 11).
 *
 * Design. Data leaves the store through exactly two doors, and protection sits in both, so
 * that no page, chart, download, deck or notebook can forget it:
 *
 * 1. Snapshot.rows(sql, params, protection) — every typed query of $lib/server/db/queries goes
 *    through it (query() is its only caller). The rows are protected *before* they are cached
 *    and before the zod row schema types them, so a loader, a chart builder, a page's hydration
 *    data, an SVG <title>, a table, a CSV/XLSX/PNG/PPTX or GET /charts only ever see protected
 *    rows. A query declares its Protection: which result columns are person counts, which are
 *    computed from them (per 10.000, percentages, shares) and which numeric columns are neither.
 *    The declaration is enforced, not trusted: a query whose SQL or result mentions a person
 *    column without a declaration, or whose result has a numeric column the declaration does
 *    not classify, throws (DisclosureError), in every test that runs it.
 * 2. snapshotSandbox() — notebook SQL is arbitrary, so protecting its *results* would mean
 *    knowing what every expression was computed from. Instead the SQL never sees a hidden value:
 *    in the sandbox the tables with person counts are views over the snapshot in which a hidden
 *    cell is NULL (sandbox-views.ts). Sums in a notebook then count the visible cells only;
 *    nothing a notebook computes can contain a hidden value. That is the choice that cannot leak.
 *
 * The rule ($lib/domain/disclosure): a count from 1 to drempel − 1 is hidden (`< 5`), 0 stays
 * 0; a figure computed from a hidden count is hidden (`afgeschermd`). Secondary suppression
 * needs to know which cells form a group with a visible total, and must hide the same cells on
 * every page (a gemeente page and the regional chart show the same cell): so the pattern of
 * hidden cells is computed once per snapshot, over the full tables (patterns.ts), and each
 * protected row looks its cell up by key. The groups:
 * - Wlz-instroom and BW-cliënten per gemeente within a jaar and region (the region row is the total);
 * - dagbesteding per aanbieder within a periode, per gemeente within a periode (the regional
 *   figure is the total), and the cells per aanbieder and gemeente within both;
 * - bezet and wachtlijst per doelgroep within a peiljaar, gemeente and voorzieningstype.
 * Totals themselves are computed by SQL from the exact values and stay exact (unless they are
 * small themselves). Figures over other regions (the spread of instroom per 10.000) are taken
 * over the visible regions only. Rows with hidden cells are sorted as if their value were
 * unknown (charts put them after the visible ones) so a rank gives nothing away.
 *
 * The threshold comes from the manifest (`kleine_aantallen.drempel`, default 5) and is stored in
 * the snapshot (table kleine_aantallen); drempel 0 turns protection off and every chart's
 * footer says so (afschermingZin). The upload preview of issue 10 builds its own snapshot and
 * may show exact figures to aanleverders only; it must not use these doors for downloads.
 */
export { DisclosureError, protectRows, type Protection, type ProtectionContext } from './protect';
export { loadDisclosure, loadDrempel, loadPattern, type Disclosure, type Pattern, type PatternName } from './patterns';
