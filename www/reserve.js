// The place an explainer holds in an article before there is anything in it (explainer.js while
// the live one loads; embed.js while the static version is fetched).

/** A height for the element to hold until the explainer is drawn, so the article below does
 * not jump when it appears (a reader often scrolls there while the wasm is on its way):
 * measured from the live explainer at 320, 768 and
 * 1280 px, and read between. */
const HEIGHTS = {
  compact: [2401, 1705, 1679], // the default: headline, key figures, timeline; the rest folded
  all: [13693, 8045, 6191],
  head: [438, 241, 186],
  timeline: [1844, 1257, 1075],
  revisions: [789, 427, 335],
  comparison: [545, 347, 303],
  exposed: [488, 287, 242],
  money: [453, 283, 239],
  changes: [1300, 700, 560],
  corrections: [1911, 948, 732],
  data: [172, 95, 95],
  sources: [5540, 2777, 1653],
};
const BETWEEN_PARTS = 150;

function reservedHeight(width, parts) {
  const at = ([a, b, c]) => (width <= 768
    ? a + ((b - a) * (Math.max(width, 320) - 320)) / 448
    : b + ((c - b) * (Math.min(width, 1280) - 768)) / 512);
  if (parts === 'all') return at(HEIGHTS.all);
  const chosen = (parts ?? '').split(',').map((p) => p.trim()).filter((p) => p in HEIGHTS && p !== 'all' && p !== 'compact');
  if (!chosen.length) return at(HEIGHTS.compact);
  return chosen.reduce((sum, p) => sum + at(HEIGHTS[p]), BETWEEN_PARTS * (chosen.length - 1));
}

/** Holds the element's place at about its final height while it has nothing in it; gives the
 * element its own style back when `release()` is called. */
export function reserve(element, parts) {
  const had = element.style.minHeight;
  if (element.childElementCount > 0 || element.shadowRoot) return () => {};
  element.style.minHeight = `${Math.round(reservedHeight(element.clientWidth || 320, parts))}px`;
  return () => {
    element.style.minHeight = had;
  };
}

