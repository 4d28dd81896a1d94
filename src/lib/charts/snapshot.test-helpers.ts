/**
 * SVG snapshots (tests/output/*.svg) compare builders' output byte for byte. Plot writes
 * coordinates with float noise that differs between machines in the last digits; rounding long
 * decimals to three places keeps the snapshots stable without hiding a real change.
 */
export function normalise(svg: string): string {
	return svg.replace(/\d+\.\d{4,}/g, (n) => String(Math.round(Number(n) * 1000) / 1000));
}
