/**
 * The presentatiemap of this browser, as Svelte 5 state: read from localStorage on first use,
 * written back after every change, and kept in step with other tabs (the storage event).
 * On the server it stays empty (the map lives only in the browser).
 */
import { browser } from '$app/environment';
import {
	STORAGE_KEY,
	addItem,
	deserialize,
	emptyMap,
	mergeMaps,
	moveItem,
	removeItem,
	serialize,
	updateItem,
	type AddResult,
	type PresentatieItem,
	type Presentatiemap
} from './map';

class PresentatiemapState {
	map = $state<Presentatiemap>(emptyMap());
	#loaded = false;

	get items(): PresentatieItem[] {
		return this.map.items;
	}

	/** Reads localStorage once (call from an $effect or an event handler, never during SSR). */
	load(): void {
		if (!browser || this.#loaded) return;
		this.#loaded = true;
		this.map = deserialize(readStorage());
		window.addEventListener('storage', (event) => {
			if (event.key === STORAGE_KEY) this.map = deserialize(event.newValue);
		});
	}

	#set(map: Presentatiemap): void {
		this.map = map;
		if (!browser) return;
		try {
			localStorage.setItem(STORAGE_KEY, serialize(map));
		} catch {
			// Storage full or blocked (private mode): the map still works until the page closes.
		}
	}

	add(item: Omit<PresentatieItem, 'id'>): AddResult {
		this.load();
		const { map, result } = addItem(this.map, item);
		if (result === 'toegevoegd') this.#set(map);
		return result;
	}
	remove(id: string): void {
		this.#set(removeItem(this.map, id));
	}
	move(id: string, delta: number): void {
		this.#set(moveItem(this.map, id, delta));
	}
	update(id: string, patch: Partial<Pick<PresentatieItem, 'slideTitle' | 'note'>>): void {
		this.#set(updateItem(this.map, id, patch));
	}
	setTitel(titel: string): void {
		this.#set({ ...this.map, titel });
	}
	replace(map: Presentatiemap): void {
		this.#set(map);
	}
	merge(shared: Presentatiemap): void {
		this.#set(mergeMaps(this.map, shared));
	}
}

function readStorage(): string | null {
	try {
		return localStorage.getItem(STORAGE_KEY);
	} catch {
		return null;
	}
}

export const presentatiemap = new PresentatiemapState();
