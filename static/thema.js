// Sets the colour theme before the page is painted, so a remembered choice never flashes the
// other theme first. A static file because the Content-Security-Policy allows no inline
// scripts. html[data-thema] is 'licht' or 'donker': the choice of the switch in the header
// (localStorage 'regiomonitor.thema'), else the system setting, followed live. Without
// JavaScript the stylesheet follows prefers-color-scheme itself.
(function () {
	var KEY = 'regiomonitor.thema';
	var root = document.documentElement;
	var media = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
	function chosen() {
		try {
			var value = localStorage.getItem(KEY);
			return value === 'licht' || value === 'donker' ? value : null;
		} catch (e) {
			return null;
		}
	}
	function apply() {
		root.dataset.thema = chosen() || (media && media.matches ? 'donker' : 'licht');
	}
	apply();
	if (media) {
		var onChange = function () {
			if (!chosen()) apply();
		};
		if (media.addEventListener) media.addEventListener('change', onChange);
		else if (media.addListener) media.addListener(onChange);
	}
	// Another tab changed the choice.
	window.addEventListener('storage', function (event) {
		if (event.key === KEY) apply();
	});
})();
