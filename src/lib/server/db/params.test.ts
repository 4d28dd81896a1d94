import { describe, expect, test } from 'vitest';
import { bindParams, queryKey, referencedParams } from './params';

describe('referencedParams', () => {
	test('lists each $name once, in order of first use', () => {
		expect(referencedParams('SELECT $b, $a WHERE x = $b AND y = $a_1')).toEqual(['b', 'a', 'a_1']);
	});
});

describe('bindParams', () => {
	test('binds only referenced names, lists as typed LIST(VARCHAR)', () => {
		const { values, types } = bindParams('SELECT $a, list_contains($l, x)', { a: 1, l: ['x'], unused: 'z' });
		expect(Object.keys(values)).toEqual(['a', 'l']);
		expect(types.l).toBeDefined();
		expect(types.a).toBeUndefined();
	});

	test('a referenced parameter that is missing throws', () => {
		expect(() => bindParams('SELECT $a', {})).toThrow('$a');
	});
});

describe('queryKey', () => {
	test('ignores parameters the SQL does not use', () => {
		expect(queryKey('SELECT $a', { a: 1, b: 2 })).toBe(queryKey('SELECT $a', { a: 1 }));
		expect(queryKey('SELECT $a', { a: 1 })).not.toBe(queryKey('SELECT $a', { a: 2 }));
	});
});
