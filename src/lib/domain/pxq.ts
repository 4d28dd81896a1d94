/**
 * Dagbesteding has been billed per product and price (P×Q) since 1 January 2021 (the switch the
 * example data and the /dagbesteding view show; see data/exports/README.md). The one place the
 * date is written: queries, builders and texts take it from here.
 */
import { formatDate } from './format';

/** ISO date of the switch to P×Q. */
export const PXQ_START = '2021-01-01';
/** The same moment as a Date (UTC midnight), for time axes. */
export const PXQ_DATUM = new Date(`${PXQ_START}T00:00:00Z`);
/** "1 januari 2021", as the texts write it. */
export const PXQ_START_TEKST = formatDate(PXQ_START);
