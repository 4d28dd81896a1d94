import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GEEN_TEKORT, tekortKlassen, tekortKleur, tekstKleur } from './capaciteit/tekort-kleur';
import { valueColour } from '../notebooks/charts/colours';
import { BACKGROUND, CARD_ONLY_COLOURS, CHART_COLOURS, chartThemeCss, contrastRatio, darkColour, INK, LIGHT_CARD_CHARTS, PAGE_COLOURS, PAGE_PAIRS, SERIES_GROUPS, themeCss } from './theme';

const MINIMUM: Record<'text' | 'mark', number> = { text: 4.5, mark: 3 };
const OUTPUT = join(import.meta.dirname, '../../../tests/output');

/** Machado, Oliveira & Fernandes (2009), severity 1.0, on linear RGB. */
const CVD: Record<string, number[][]> = {
	protanopie: [
		[0.152286, 1.052583, -0.204868],
		[0.114503, 0.786281, 0.099216],
		[-0.003882, -0.048116, 1.051998]
	],
	deuteranopie: [
		[0.367322, 0.860646, -0.227968],
		[0.280085, 0.672501, 0.047413],
		[-0.01182, 0.04294, 0.968881]
	],
	tritanopie: [
		[1.255528, -0.076749, -0.178779],
		[-0.078411, 0.930809, 0.147602],
		[0.004733, 0.691367, 0.3039]
	]
};

const linear = (hex: string) =>
	[0, 2, 4].map((i) => {
		const s = parseInt(hex.replace('#', '').slice(i, i + 2), 16) / 255;
		return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	});

/** CIE L*a*b* (D65) of linear RGB. */
function lab([r, g, b]: number[]): number[] {
	const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
	const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
	const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
	const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
	return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIE76 distance of two colours as seen with a colour-vision deficiency (or normal vision without one). */
function distance(a: string, b: string, matrix?: number[][]): number {
	const seen = (hex: string) => {
		const rgb = linear(hex);
		const sim = matrix ? matrix.map((row) => Math.min(1, Math.max(0, row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]))) : rgb;
		return lab(sim);
	};
	const [p, q] = [seen(a), seen(b)];
	return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

describe('chart colours in light and dark mode', () => {
	it.each(CHART_COLOURS.filter((c) => c.role === 'text' || c.role === 'mark'))('$use: $licht / $donker meets WCAG contrast on its background in both modes', ({ role, licht, donker }) => {
		if (role !== 'text' && role !== 'mark') throw new Error(role);
		const light = contrastRatio(licht, BACKGROUND.licht);
		const dark = contrastRatio(donker, BACKGROUND.donker);
		expect(light, `${licht} on ${BACKGROUND.licht}: ${light.toFixed(2)}:1`).toBeGreaterThanOrEqual(MINIMUM[role]);
		expect(dark, `${donker} on ${BACKGROUND.donker}: ${dark.toFixed(2)}:1`).toBeGreaterThanOrEqual(MINIMUM[role]);
	});

	it.each(CHART_COLOURS.filter((c) => c.role === 'area'))('$use: $licht / $donker is outlined with 3:1 on the background, and the marks over it have 3:1 against it, in both modes', ({ licht, donker, outline, over }) => {
		expect(outline, 'an area that carries meaning has an outline').toBeDefined();
		const failures: string[] = [];
		const check = (fore: string, back: string, what: string) => {
			const ratio = contrastRatio(fore, back);
			if (ratio < 3) failures.push(`${what}: ${fore} on ${back} = ${ratio.toFixed(2)}:1`);
		};
		check(outline!, BACKGROUND.licht, 'outline, light');
		check(darkColour(outline!), BACKGROUND.donker, 'outline, dark');
		expect(CHART_COLOURS.find((c) => c.licht === outline)?.role, 'the outline is a mark colour').toBe('mark');
		for (const mark of over ?? []) {
			check(mark, licht, 'mark over the area, light');
			check(darkColour(mark), donker, 'mark over the area, dark');
		}
		expect(failures).toEqual([]);
	});

	it('text on the sequential fills (notebook cells and tiles, the tile map and map classes) has 4.5:1', () => {
		const failures: string[] = [];
		const fills = [
			...Array.from({ length: 201 }, (_, i) => valueColour(i - 100, [-100, 100])),
			...[1, 4, 9, 16, 25, 40].flatMap((max) => {
				const klassen = tekortKlassen(max);
				return Array.from({ length: max }, (_, i) => tekortKleur(i + 1, klassen));
			}),
			GEEN_TEKORT
		];
		for (const fill of new Set(fills)) {
			const ratio = contrastRatio(tekstKleur(fill), fill);
			if (ratio < 4.5) failures.push(`${tekstKleur(fill)} on ${fill}: ${ratio.toFixed(2)}:1`);
		}
		expect(failures).toEqual([]);
	});

	it('the charts’ root text colour has 4.5:1 in both modes', () => {
		expect(contrastRatio(INK.licht, BACKGROUND.licht)).toBeGreaterThanOrEqual(4.5);
		expect(contrastRatio(INK.donker, BACKGROUND.donker)).toBeGreaterThanOrEqual(4.5);
	});

	it('series shown together stay apart in dark mode for normal vision and under protanopia, deuteranopia and tritanopia', () => {
		const failures: string[] = [];
		for (const group of SERIES_GROUPS) {
			for (let i = 0; i < group.length; i++) {
				for (let j = i + 1; j < group.length; j++) {
					const [a, b] = [group[i], group[j]];
					for (const [name, matrix] of [['normaal', undefined], ...Object.entries(CVD)] as [string, number[][] | undefined][]) {
						const light = distance(a, b, matrix);
						const dark = distance(darkColour(a), darkColour(b), matrix);
						// As far apart as in the light palette (which was chosen for this), or clearly apart (ΔE ≥ 20).
						if (dark < Math.min(light * 0.8, 20)) failures.push(`${a}/${b} → ${darkColour(a)}/${darkColour(b)}, ${name}: ΔE ${dark.toFixed(1)} (licht ${light.toFixed(1)})`);
					}
				}
			}
		}
		expect(failures).toEqual([]);
	});

	it('knows the tile map’s “geen tekort” grey as a light-card colour', () => {
		expect(CARD_ONLY_COLOURS).toContain(GEEN_TEKORT);
	});

	it('every colour the committed chart snapshots use has a dark counterpart (or is drawn on a light card)', () => {
		const known = new Set(CHART_COLOURS.map((c) => c.licht.toLowerCase()));
		const neutral = new Set(['none', 'currentcolor', 'transparent', 'inherit']);
		const card = new Set(CARD_ONLY_COLOURS.map((c) => c.toLowerCase()));
		const missing: string[] = [];
		for (const file of readdirSync(OUTPUT).filter((f) => f.endsWith('.svg'))) {
			const svg = readFileSync(join(OUTPUT, file), 'utf8');
			const onCard = LIGHT_CARD_CHARTS.some((c) => svg.includes(`class="${c}"`));
			for (const [, value] of svg.matchAll(/\s(?:fill|stroke)="([^"]+)"/g)) {
				const colour = value.toLowerCase();
				if (neutral.has(colour) || colour.startsWith('url(') || known.has(colour) || onCard || card.has(colour)) continue;
				missing.push(`${file}: ${value}`);
			}
		}
		expect(missing).toEqual([]);
	});

	it('the stylesheet maps each light colour to its dark one for fills and strokes, under the switch and the system setting', () => {
		const css = chartThemeCss();
		expect(css).toContain(':root[data-thema="donker"] :is(.chart__svg, .tegel__trend, .paar__svg) svg');
		expect(css).toMatch(/@media \(prefers-color-scheme: dark\) \{\n:root:not\(\[data-thema\]\)/);
		for (const { licht, donker } of CHART_COLOURS) {
			expect(css).toContain(`[fill="${licht}" i] { fill: ${donker}; }`);
			expect(css).toContain(`[stroke="${licht}" i] { stroke: ${donker}; }`);
		}
		expect(css).not.toMatch(/<\/?style/i);
	});
});

describe('page colours in light and dark mode', () => {
	const value = (name: string, mode: 'licht' | 'donker') => (name.startsWith('#') ? name : PAGE_COLOURS[name as keyof typeof PAGE_COLOURS][mode]);

	it.each(PAGE_PAIRS)('$fore on $back has at least $minimum:1 in both modes', ({ fore, back, minimum }) => {
		for (const mode of ['licht', 'donker'] as const) {
			const ratio = contrastRatio(value(fore, mode), value(back, mode));
			expect(ratio, `${mode}: ${value(fore, mode)} on ${value(back, mode)} = ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(minimum);
		}
	});

	it('the light values are the ones global.css sets', () => {
		const css = readFileSync(join(import.meta.dirname, '../components/styles/global.css'), 'utf8');
		const root = /:root \{([^}]*)\}/.exec(css)?.[1] ?? '';
		for (const [name, { licht }] of Object.entries(PAGE_COLOURS)) {
			expect(new RegExp(`${name}:\\s*${licht};`).test(root), `${name}: ${licht} in global.css :root`).toBe(true);
		}
	});

	it('dark mode is for the screen only: print and so a PDF stay light', () => {
		const css = themeCss();
		expect(css.startsWith('@media screen {')).toBe(true);
		expect(css.trimEnd().endsWith('}')).toBe(true);
		expect(css).toContain(':root[data-thema="donker"] {\n\tcolor-scheme: dark;');
	});
});
