// A strict TypeScript consumer of the package's types (checked, never run): mount and its
// options, the handle, the dataset type, and embed.js with its global.
import { mount, type Dataset, type Explainer, type MountOptions, type Part } from 'breach-explainer';
import { mountAll, unmount } from 'breach-explainer/embed.js';
import type { Dataset as SameDataset } from 'breach-explainer/dataset';

const parts: Part[] = ['head', 'timeline', 'money'];
const options: MountOptions = {
  data: '/data/coupang-2025.json', lang: navigator.languages, theme: 'auto', timeout: 10, deepLink: false, parts,
};
const element = document.getElementById('explainer')!;
const handle: Explainer = await mount(element, options);
const problems: string[] = handle.problems();
const lang: string = handle.lang();
const svg: string | undefined = handle.exportSvg('timeline');
const csv: string | undefined = handle.exportData('counts-csv');
const selected: string | undefined = handle.selected();
handle.destroy();
console.log(problems, lang, svg, csv, selected);

await mount(element, { data: new URL('https://example.org/my-breach.json'), parts: 'head,timeline' });
await mount(element, { parts: 'all', lang: 'ko', theme: 'dark' });
await mount(element);

// A dataset object is typed by the format (dataset.d.ts, generated from its schema).
async function withData(data: Dataset): Promise<SameDataset> {
  const languages: Dataset['languages'] = data.languages;
  await mount(element, { data, lang: languages[0] });
  return data;
}
void withData;
// @ts-expect-error: a dataset needs its format, id, languages…
await mount(element, { data: { id: 'my-breach' } });

// Wrong options are caught at compile time.
// @ts-expect-error: not a theme
await mount(element, { theme: 'blue' });
// @ts-expect-error: not a part
await mount(element, { parts: ['head', 'chart'] });
// @ts-expect-error: timeout is a number of seconds
await mount(element, { timeout: '30' });

// The script embed.
mountAll();
await unmount(element);
const registry = globalThis.breachExplainer;
registry.mountAll();
const pending = registry.handles.get(element);
void pending;
await window.breachExplainer.unmount(element);
