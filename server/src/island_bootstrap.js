// Hearth's island bootstrap, served in place of the body of leptos's island script (see
// island_scripts.rs) and called with the same arguments. It wakes the same islands in the same
// order, but gives the browser a turn between one island and the next: leptos's wakes them all
// in one task, which on a slow phone blocks a tap for a tenth of a second or more. It also
// skips the parts of the page that hold no island instead of walking every element.
((root, pkg_path, output_name, wasm_output_name) => {
	// The callbacks of the `leptos-children` an island is inside: a nested island calls the
	// innermost before it wakes, as with leptos's own script.
	const childrenCallbacks = [];

	function turn() {
		if (globalThis.scheduler && typeof scheduler.yield === "function") {
			return scheduler.yield();
		}
		return new Promise((resolve) => setTimeout(resolve, 0));
	}

	async function wake(el, id, mod) {
		const islandFn = mod[id];
		if (!islandFn) {
			console.warn(`Could not find WASM function for the island ${id}.`);
			return;
		}
		const childrenCallback = childrenCallbacks[childrenCallbacks.length - 1];
		if (childrenCallback) {
			childrenCallback();
		}
		const woken = islandFn(el);
		if (woken && woken.then) {
			await woken;
		}
	}

	async function traverse(node, mod) {
		const tag = node.tagName.toLowerCase();
		if (tag === "leptos-island") {
			await turn();
			await wake(node, node.dataset.component || null, mod);
		}
		if (!node.querySelector("leptos-island")) {
			return;
		}
		const isChildren = tag === "leptos-children";
		if (isChildren) {
			childrenCallbacks.push(node.$$on_hydrate);
		}
		for (const child of node.children) {
			await traverse(child, mod);
		}
		if (isChildren) {
			childrenCallbacks.pop();
		}
	}

	function whenIdle(go) {
		if ("requestIdleCallback" in window) {
			window.requestIdleCallback(go);
		} else {
			go();
		}
	}

	whenIdle(async () => {
		const mod = await import(`${root}/${pkg_path}/${output_name}.js`);
		window.__hydrateIsland = (el, id) => wake(el, id, mod);
		await mod.default({ module_or_path: `${root}/${pkg_path}/${wasm_output_name}.wasm` });
		await turn();
		mod.hydrate();
		await traverse(document.body, mod);
		// Every island is awake: end-to-end tests and measuring scripts wait for this mark.
		document.body.dataset.hydrated = "true";
	});
})
