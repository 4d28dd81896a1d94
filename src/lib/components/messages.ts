/** User-facing Dutch messages shared by the server hooks and the error page. */

/** Shown when a page needs data and there is no usable store (HTTP 503). */
export const STORE_UNAVAILABLE_MELDING =
	'De gegevens zijn op dit moment niet beschikbaar: er is nog geen geldige gegevensopslag ingelezen. ' +
	'Op de pagina Gegevens staat de uitkomst van de laatste inleesronde.';

/** Shown for an address that matches no page. */
export const NOT_FOUND_MELDING = 'Deze pagina bestaat niet.';
