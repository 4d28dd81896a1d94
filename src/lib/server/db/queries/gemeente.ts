/** One gemeente: the figures of every view for it, next to the region, from one pinned snapshot. */
import { withSnapshot } from '../store';
import { capaciteitPerGemeente, capaciteitTotalen, type CapaciteitGemeenteRow, type CapaciteitTotaalRow } from './capaciteit';
import { dagbestedingRegio, type DagbestedingRegioRow } from './dagbesteding';
import { hkgBiedingen, hkgTotalen, huidigeHkgPeriode, type HkgBodRow, type HkgTotaalRow } from './hkg';
import { gemeente, laatstePeiljaar, type GemeenteInfoRow } from './meta';
import { projecten, type ProjectRow } from './planning';
import { wlzEigenRegio, wlzPerGemeente, type WlzGemeenteRow, type WlzRegioRow } from './wlz';

export interface GemeenteProfiel {
	gemeente: GemeenteInfoRow;
	peiljaar: number | null;
	/** Per voorzieningstype in the latest peiljaar (summed over doelgroepen). */
	capaciteit: CapaciteitGemeenteRow[];
	/** The same per 10,000 inwoners, to set against `capaciteitRegio`. */
	capaciteitPer10k: CapaciteitGemeenteRow[];
	capaciteitRegioPer10k: CapaciteitTotaalRow[];
	projecten: ProjectRow[];
	wlz: WlzGemeenteRow[];
	wlzRegio: WlzRegioRow[];
	/** Latest periode with bids: the gemeente's bids and its totals against its fair share. */
	hkgPeriode: string | null;
	hkgBiedingen: HkgBodRow[];
	hkgTotalen: HkgTotaalRow[];
	dagbesteding: DagbestedingRegioRow[];
	dagbestedingRegio: DagbestedingRegioRow[];
}

/** The profile of one gemeente, or null when the code is not a gemeente of the region. */
export function gemeenteProfiel(code: string): Promise<GemeenteProfiel | null> {
	return withSnapshot(async () => {
		const info = await gemeente(code);
		if (!info) return null;
		const gemeentecode = info.gemeentecode;
		// "Tegenover de regio": the gemeente's own centrumregio.
		const regio = info.centrumregio;
		const [peiljaar, hkgPeriode] = await Promise.all([laatstePeiljaar(), huidigeHkgPeriode()]);
		const [capaciteit, capaciteitPer10k, capaciteitRegioPer10k, projectRows, wlz, wlzRegio, biedingen, totalen, dagbesteding, dagbestedingAlle] =
			await Promise.all([
				peiljaar === null ? [] : capaciteitPerGemeente({ peiljaar, gemeentecode, sort: 'type' }),
				peiljaar === null ? [] : capaciteitPerGemeente({ peiljaar, gemeentecode, sort: 'type', measure: 'per_10k' }),
				peiljaar === null ? [] : capaciteitTotalen({ peiljaar, measure: 'per_10k', regio }),
				projecten({ gemeentecode }),
				wlzPerGemeente({ gemeentecode, regio }),
				wlzEigenRegio({ regio }),
				hkgPeriode === null ? [] : hkgBiedingen({ periode: hkgPeriode, gemeentecode }),
				hkgPeriode === null ? [] : hkgTotalen({ periode: hkgPeriode, gemeentecode }),
				dagbestedingRegio({ gemeentecode }),
				dagbestedingRegio({ regio })
			]);
		return {
			gemeente: info,
			peiljaar,
			capaciteit,
			capaciteitPer10k,
			capaciteitRegioPer10k,
			projecten: projectRows,
			wlz,
			wlzRegio,
			hkgPeriode,
			hkgBiedingen: biedingen,
			hkgTotalen: totalen,
			dagbesteding,
			dagbestedingRegio: dagbestedingAlle
		};
	});
}
