import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build' }),
		// SvelteKit's own check refuses every form-typed POST whose Origin is not ours, also one
		// without an Origin: scripts that upload with a token (curl -F, multipart) send none. Our
		// guard (src/lib/server/auth/guard.ts) does the check that matters instead: every change
		// made with a session cookie, and every login, must come from our own pages.
		csrf: { trustedOrigins: ['*'] },
		// Hashes rather than nonces: a page is cached per snapshot and URL (src/lib/server/page-cache.ts),
		// and a nonce must not be reused across responses. Styles need 'unsafe-inline': Svelte's
		// style attributes and Plot's inline SVG styles; scripts stay limited to our own files.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
