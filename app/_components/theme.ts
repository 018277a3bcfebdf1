/** localStorage key for the reader's theme choice ("light" | "dark"); absent = follow the system. */
export const THEME_KEY = "atlas-theme";

/**
 * Runs before first paint (inline in <head>), so the page never flashes the wrong theme:
 * a stored choice wins, otherwise prefers-color-scheme.
 */
export const THEME_INIT_SCRIPT = `(function(){try{var t=localStorage.getItem("${THEME_KEY}");var d=t?t==="dark":window.matchMedia("(prefers-color-scheme: dark)").matches;document.documentElement.classList.toggle("dark",d);}catch(e){}})();`;
