import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { followedHref, linksToDataHref } from './links';

const svgOf = (inner: string) => {
	const { document } = parseHTML(`<html><body><svg xmlns="http://www.w3.org/2000/svg">${inner}</svg></body></html>`);
	return document.querySelector('svg')!;
};

describe('chart links', () => {
	it('turns Plot links into data-href groups, keeping the marks', () => {
		const svg = linksToDataHref(svgOf('<g><a href="/gemeente/GM0505"><rect width="5"></rect></a><a href="/gemeente/GM0512"><rect width="7"></rect></a></g>'));
		expect(svg.querySelectorAll('a').length).toBe(0);
		expect([...svg.querySelectorAll('[data-href]')].map((g) => g.getAttribute('data-href'))).toEqual(['/gemeente/GM0505', '/gemeente/GM0512']);
		expect(svg.querySelectorAll('[data-href] > rect').length).toBe(2);
	});

	it('follows only paths of this site', () => {
		const svg = svgOf('<g data-href="/gemeente/GM0505"><rect id="a"></rect></g><g data-href="https://evil.example"><rect id="b"></rect></g><g data-href="//evil.example"><rect id="c"></rect></g><rect id="d"></rect>');
		expect(followedHref(svg.querySelector('#a'))).toBe('/gemeente/GM0505');
		expect(followedHref(svg.querySelector('#b'))).toBeNull();
		expect(followedHref(svg.querySelector('#c'))).toBeNull();
		expect(followedHref(svg.querySelector('#d'))).toBeNull();
	});
});
