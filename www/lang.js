// The shell page in the language the address asks for (?lang=ko), before anything is drawn: the
// static version is drawn per language, so the page that has it is the one to show. A classic
// script in the head, so it runs before the first paint.
(() => {
  const want = new URLSearchParams(location.search).get('lang')?.toLowerCase().slice(0, 2);
  if (!want || want === document.documentElement.lang) return;
  const page = document.querySelector(`link[rel="alternate"][hreflang="${CSS.escape(want)}"]`);
  if (page) location.replace(new URL(page.getAttribute('href'), location.href).href + location.hash);
})();
