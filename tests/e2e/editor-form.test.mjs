// The editor's form view, driven in Chromium as a journalist who has never seen the format
// would: start an empty dataset, fill the story, add sources, an exposure window, events,
// counts, an amount and a change through labelled fields, pick sources by their titles and
// dates at their precision, and publish a file that checks clean. Also: each problem is shown
// at its field and its button leads there; the form and the JSON edit one dataset; the form
// works by keyboard, passes axe and fits 320 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { serve } from '../../scripts/static-server.mjs';
import { launch, watchErrors } from './browser.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const bx = `${process.env.CARGO_TARGET_DIR ?? here('../../target')}/release/breach-explainer`;
const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'";
const out = here('out/');
let site, browser;

before(async () => {
  site = await serve(here('../../dist/'), {
    headers: (path) => (path.endsWith('.html') ? { 'content-security-policy': CSP } : {}),
  });
  browser = await launch();
  await mkdir(out, { recursive: true });
});
after(async () => {
  await browser?.close();
  await site?.close();
});

const noProblems = (page) => page.waitForFunction(() => document.getElementById('ed-status').textContent.includes('No problems'));
const json = (page) => page.evaluate(() => JSON.parse(document.getElementById('ed-text').value));

/** A person's actions on the page, counted. */
function person(page) {
  const me = {
    actions: 0,
    typed: 0, // characters typed
    async fill(locator, value) { me.actions += 1; me.typed += [...value].length; await locator.fill(value); },
    async pick(locator, label) { me.actions += 1; await locator.selectOption({ label }); },
    async click(locator) { me.actions += 1; await locator.click(); },
    async check(locator) { me.actions += 1; await locator.check(); },
    /** A date at a precision: the precision, then the parts it asks for. */
    async date(group, { precision, year, month, day, time }) {
      if (precision) await me.pick(group.getByLabel('Precision', { exact: true }), precision);
      if (year) await me.fill(group.getByLabel('Year', { exact: true }), year);
      if (month) await me.pick(group.getByLabel('Month', { exact: true }), month);
      if (day) await me.fill(group.getByLabel('Day', { exact: true }), day);
      if (time) await me.fill(group.getByLabel('Time', { exact: true }), time);
    },
    /** A text a reader sees, in both languages. */
    async both(scope, label, en, ko) {
      await me.fill(bilingual(scope, label, 'English'), en);
      await me.fill(bilingual(scope, label, '한국어'), ko);
    },
  };
  return me;
}
// A text a reader sees is labelled by its field and its language ("Headline" + "English").
const bilingual = (scope, label, lang) => scope.getByRole('textbox', { name: `${label} ${lang}`, exact: true });
const row = (page, name) => page.getByRole('group', { name: new RegExp(`^${name}\\b`) });
const group = (scope, name) => scope.getByRole('group', { name, exact: true });

const STORY = {
  title: ['Acme Pay leak exposed 1.2 million accounts for five months', '에이크미페이 유출, 120만 계정 5개월간 노출'],
  events: [
    { title: ['Intruder first gets in', '침입자 최초 접속'], detail: ['An attacker used a stolen employee key to reach the payments database.', '공격자가 도용한 직원 키로 결제 데이터베이스에 접근했다.'], lane: 'The breach', milestone: 'Access began', date: { precision: 'Month', year: '2026', month: 'March' } },
    { title: ['Acme Pay detects the leak', '에이크미페이 유출 탐지'], detail: ['Acme Pay found unusual downloads and shut the key off.', '에이크미페이가 비정상적인 다운로드를 발견하고 키를 차단했다.'], lane: 'The company', milestone: 'Detected', date: { precision: 'Day', year: '2026', month: 'August', day: '14' } },
    { title: ['Regulator opens an inquiry', '규제 당국 조사 착수'], detail: ['The privacy commission opened an investigation into Acme Pay.', '개인정보보호위원회가 에이크미페이 조사에 착수했다.'], lane: 'Government', milestone: 'None', date: { precision: 'Day and time', year: '2026', month: 'August', day: '20', time: '10:30' } },
  ],
};

test('a newcomer writes and publishes a breach of 8 facts in both languages through the form', { timeout: 240_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors = watchErrors(page);
  await page.goto(`${site.url}editor.html`);
  await noProblems(page);
  // A new user gets the form.
  assert.equal(await page.getByRole('tab', { name: 'Form' }).getAttribute('aria-selected'), 'true');
  assert.ok(await bilingual(page, 'Headline', 'English').isVisible());

  const started = Date.now();
  const me = person(page);
  await me.click(page.getByRole('button', { name: 'Start an empty dataset' }));
  await page.waitForSelector('.ed-undo button');

  // The story.
  await me.fill(page.getByLabel('Id of the dataset (its file name)', { exact: true }), 'acme-pay-2026');
  await me.both(page, 'Organisation breached', 'Acme Pay', '에이크미페이');
  await me.fill(page.getByLabel('Country (ISO code, e.g. KR)', { exact: true }), 'KR');
  await me.both(page, 'Headline', ...STORY.title);
  await me.both(page, 'Summary (one sentence a reader gets in ten seconds)', 'Payment details of 1.2 million Acme Pay accounts were open to an intruder from March to August 2026.', '에이크미페이 120만 계정의 결제 정보가 2026년 3월부터 8월까지 침입자에게 노출됐다.');

  // Three sources.
  const sources = [
    ['The Korea Daily', 'Acme Pay says 1.2 million accounts hit', 'https://news.example/acme-1', { precision: 'Day', year: '2026', month: 'August', day: '15' }],
    ['Seoul Wire', '에이크미페이, 해킹 사실 공개', 'https://wire.example/acme', { precision: 'Day', year: '2026', month: 'August', day: '16' }],
    ['Privacy Commission', 'Inquiry into Acme Pay', 'https://pipc.example/acme', { precision: 'Month', year: '2026', month: 'August' }],
  ];
  for (const [i, [publisher, title, url, date]] of sources.entries()) {
    await me.click(page.getByRole('button', { name: 'Add a source' }));
    const r = row(page, `Source ${i + 1}`);
    await me.fill(r.getByLabel('Publisher', { exact: true }), publisher);
    await me.fill(r.getByLabel('Title as published', { exact: true }), title);
    await me.fill(r.getByLabel('Web address', { exact: true }), url);
    await me.date(group(r, 'Published (optional)'), date);
  }
  // One box after another, as a person ticks them.
  const cite = async (r, ...n) => {
    for (const i of n) await me.check(group(r, 'Sources').getByLabel(`${sources[i][0]}: ${sources[i][1]}`));
  };

  // Fact 1: the exposure window.
  await me.click(page.getByRole('button', { name: 'Add an exposure window' }));
  const w = row(page, 'Exposure window 1');
  await me.both(w, 'According to', 'Acme Pay', '에이크미페이');
  await me.date(group(w, 'Start: date'), { precision: 'Month', year: '2026', month: 'March' });
  await me.date(group(w, 'End: date'), { year: '2026', month: 'August', day: '14' });
  await cite(w, 0);

  // Facts 2–4: three events.
  for (const [i, e] of STORY.events.entries()) {
    await me.click(page.getByRole('button', { name: 'Add an event' }));
    const r = row(page, `Event ${i + 1}`);
    await me.date(group(r, 'Date'), e.date);
    await me.pick(r.getByLabel('Lane', { exact: true }), e.lane);
    await me.both(r, 'Title (a few words)', ...e.title);
    await me.both(r, 'Detail (one or two sentences)', ...e.detail);
    await me.pick(r.getByLabel('Milestone', { exact: true }), e.milestone);
    await cite(r, i === 2 ? 2 : 0, ...(i === 1 ? [1] : []));
  }

  // Facts 5–6: two counts, one exact, one a lower bound, approximately.
  await me.click(page.getByRole('button', { name: 'Add a count' }));
  let r = row(page, 'Count 1');
  await me.both(r, 'What was counted', 'Acme Pay accounts exposed', '에이크미페이 노출 계정');
  await me.fill(group(r, 'Figure').getByLabel('Figure', { exact: true }), '1,204,331');
  await me.date(group(r, 'Reported on'), { year: '2026', month: 'August', day: '15' });
  await me.both(r, 'Reported by', 'Acme Pay', '에이크미페이');
  await cite(r, 0);
  await me.click(page.getByRole('button', { name: 'Add a count' }));
  r = row(page, 'Count 2');
  await me.both(r, 'What was counted', 'Card numbers copied out', '유출된 카드 번호');
  await me.pick(group(r, 'Figure').getByLabel('The source gives', { exact: true }), 'At least');
  await me.fill(group(r, 'Figure').getByLabel('At least', { exact: true }), '300000');
  await me.check(group(r, 'Figure').getByLabel('Approximately ("about")', { exact: true }));
  await me.pick(r.getByLabel('Unit', { exact: true }), 'Records');
  await me.date(group(r, 'Reported on'), { year: '2026', month: 'August', day: '20' });
  await me.both(r, 'Reported by', 'Privacy Commission', '개인정보보호위원회');
  await cite(r, 2);

  // Fact 7: an amount.
  await me.click(page.getByRole('button', { name: 'Add an amount' }));
  r = row(page, 'Amount 1');
  await me.pick(r.getByLabel('Kind', { exact: true }), 'Compensation');
  await me.both(r, 'What it is', 'Vouchers promised to customers', '고객 보상 상품권');
  await me.fill(group(r, 'Amount').getByLabel('Figure', { exact: true }), '12000000000');
  await me.fill(r.getByLabel('Currency (ISO code, e.g. KRW, USD)', { exact: true }), 'KRW');
  await me.date(group(r, 'Decided or announced'), { year: '2026', month: 'August', day: '16' });
  await cite(r, 1);

  // Fact 8: a change, and when the dataset was last updated.
  await me.date(group(page, 'Last updated (a date and time) (optional)'), { precision: 'Day and time', year: '2026', month: 'August', day: '20', time: '18:00' });
  await me.click(page.getByRole('button', { name: 'Add a change' }));
  r = row(page, 'Change 1');
  await me.date(group(r, 'When the change was made'), { year: '2026', month: 'August', day: '20' });
  await me.pick(r.getByLabel('The item changed', { exact: true }), `Event: ${STORY.events[2].title[0]}`);
  await cite(r, 2);

  await noProblems(page);
  const elapsed = (Date.now() - started) / 1000;
  console.log(`form: 8 facts in both languages written in ${me.actions} form actions and ${me.typed} characters typed, ${elapsed.toFixed(1)} s (a script's speed)`);
  // A person's time, estimated by the keystroke-level model (Card, Moran and Newell): per action
  // a thought (1.35 s), a pointing (1.1 s) and a click or a move to the keys (0.4 s); per
  // character 0.28 s (an average typist). Not measured: no person was timed.
  const person_ = me.actions * (1.35 + 1.1 + 0.4) + me.typed * 0.28;
  console.log(`form: a person at that pace: about ${(person_ / 60).toFixed(0)} min of input (keystroke-level estimate; reading the sources is not counted)`);
  assert.equal(await page.locator('.ed-problem').count(), 0);
  assert.equal(await page.locator('.fm-problem').count(), 0);

  // The dataset the form wrote: what was filled, where the format wants it.
  const d = await json(page);
  assert.deepEqual([d.sources.length, d.exposure.claims.length, d.events.length, d.counts.length, d.money.length, d.changes.length], [3, 1, 3, 2, 1, 1]);
  assert.equal(d.exposure.preferred, d.exposure.claims[0].id);
  assert.deepEqual([d.exposure.claims[0].start, d.exposure.claims[0].end], ['2026-03', '2026-08-14']);
  assert.deepEqual(d.events.map((e) => e.date), ['2026-03', '2026-08-14', '2026-08-20T10:30+09:00']);
  assert.equal(d.counts[0].value, 1204331);
  assert.deepEqual([d.counts[1].at_least, d.counts[1].approximate, d.counts[1].unit], [300000, true, 'records']);
  assert.equal(d.changes[0].about, `events/${d.events[2].id}`);
  assert.equal(d.updated, '2026-08-20T18:00+09:00');

  // The preview shows it, in both languages.
  await page.selectOption('#ed-parts', 'all');
  const shown = () => page.evaluate(() => document.getElementById('ed-explainer')?.shadowRoot?.textContent ?? '');
  await page.waitForFunction((t) => (document.getElementById('ed-explainer')?.shadowRoot?.textContent ?? '').includes(t), STORY.title[0]);
  for (const e of STORY.events) assert.ok((await shown()).includes(e.title[0]), e.title[0]);
  await page.selectOption('#ed-lang', 'ko');
  await page.waitForFunction((t) => (document.getElementById('ed-explainer')?.shadowRoot?.textContent ?? '').includes(t), STORY.title[1]);
  for (const e of STORY.events) assert.ok((await shown()).includes(e.title[1]), e.title[1]);

  // Published: the downloaded file checks clean with the native checker.
  const download = page.waitForEvent('download');
  await page.click('#ed-download');
  const file = await readFile(await (await download).path(), 'utf8');
  const dir = await mkdtemp(`${tmpdir()}/editor-form-`);
  await writeFile(`${dir}/acme-pay-2026.json`, file);
  execFileSync(bx, ['check', `${dir}/acme-pay-2026.json`], { encoding: 'utf8' }); // throws on a problem
  assert.equal(JSON.parse(file).id, 'acme-pay-2026');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a problem is shown at its field, and its button focuses that field', { timeout: 90_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${site.url}editor.html`);
  await noProblems(page);

  // A missing headline: the English headline field is marked, with its message under it.
  const headline = bilingual(page, 'Headline', 'English');
  await headline.fill('');
  await page.waitForFunction(() => document.querySelector('[aria-invalid="true"]'));
  assert.equal(await headline.getAttribute('aria-invalid'), 'true');
  const message = await page.locator(`#${(await headline.getAttribute('aria-describedby')).split(' ').pop()}`).textContent();
  assert.match(message, /empty|missing|write/i, message);
  const problem = page.locator('.ed-problem', { hasText: 'breach.title.en' });
  assert.equal(await problem.count(), 1, 'the problem is listed');
  await page.getByRole('button', { name: 'Start an empty dataset' }).focus(); // somewhere else
  await problem.click();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.dataset.path), 'breach.title.en');
  await headline.fill('A headline again');

  // An impossible date, typed in the JSON: the form shows it as written, marked, at its field.
  await page.getByRole('tab', { name: 'JSON' }).click();
  const first = await page.evaluate(() => JSON.parse(document.getElementById('ed-text').value).events[0].date);
  await page.evaluate((first) => {
    const t = document.getElementById('ed-text');
    t.value = t.value.replace(`"date": "${first}"`, '"date": "2025-13-01"');
    t.dispatchEvent(new Event('input'));
  }, first);
  await page.waitForSelector('.ed-problem');
  await page.getByRole('tab', { name: 'Form' }).click();
  const date = group(row(page, 'Event 1'), 'Date');
  const precision = date.getByLabel('Precision', { exact: true });
  assert.equal(await precision.inputValue(), 'kept');
  await page.waitForFunction(() => document.querySelector('[data-path="events[0].date"] [aria-invalid="true"]'));
  assert.equal(await precision.getAttribute('aria-invalid'), 'true');
  const said = await page.locator('[data-path="events[0].date"] .fm-problem').textContent();
  assert.match(said, /2025-13-01/);
  const describedBy = (await precision.getAttribute('aria-describedby')).split(' ');
  assert.equal(await page.locator(`#${describedBy.pop()}`).textContent(), said, 'the message under the field describes it');
  await page.locator('.ed-problem', { hasText: '2025-13-01' }).click();
  assert.equal(await page.evaluate(() => document.activeElement.closest('[data-path]')?.dataset.path), 'events[0].date');
  // Fixed in the form, at a day's precision: the problem is gone.
  await precision.selectOption('day');
  await date.getByLabel('Year', { exact: true }).fill('2025');
  await date.getByLabel('Month', { exact: true }).selectOption({ label: 'February' });
  await date.getByLabel('Day', { exact: true }).fill('30'); // not a day of February either
  await page.waitForFunction(() => document.querySelector('[data-path="events[0].date"] .fm-problem')?.textContent.includes('2025-02-30'));
  await date.getByLabel('Day', { exact: true }).fill('28');
  await noProblems(page);
  assert.equal(await page.locator('[aria-invalid="true"]').count(), 0);
  assert.equal((await json(page)).events[0].date, '2025-02-28');
  await context.close();
});

test('the form and the JSON are two views of one dataset; the form keeps what it does not know', { timeout: 90_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors = watchErrors(page);
  await page.goto(`${site.url}editor.html`);
  await noProblems(page);
  const before = await page.inputValue('#ed-text');
  const template = JSON.parse(before);
  // A field the form does not know, written in the JSON.
  await page.getByRole('tab', { name: 'JSON' }).click();
  await page.evaluate(() => {
    const t = document.getElementById('ed-text');
    const d = JSON.parse(t.value);
    d.events[0].x_desk_note = 'ask legal';
    d.events[0].title.en = 'Changed in the JSON';
    t.value = `${JSON.stringify(d, null, 2)}\n`;
    t.dispatchEvent(new Event('input'));
  });
  await page.getByRole('tab', { name: 'Form' }).click();
  const r = row(page, 'Event 1');
  assert.equal(await bilingual(r, 'Title (a few words)', 'English').inputValue(), 'Changed in the JSON');
  // A change in the form, in the JSON.
  await bilingual(r, 'Title (a few words)', 'English').fill('Changed in the form');
  assert.equal(await row(page, 'Event 1: Changed in the form').count(), 1, 'the row\'s name follows the typing');
  await r.getByLabel('Confidence', { exact: true }).selectOption({ label: 'Medium' });
  const after = await page.inputValue('#ed-text');
  const d = JSON.parse(after);
  assert.equal(d.events[0].title.en, 'Changed in the form');
  assert.equal(d.events[0].confidence, 'medium');
  assert.equal(d.events[0].x_desk_note, 'ask legal', 'a field the form does not know survives');
  assert.deepEqual(Object.keys(d.events[0]), [...Object.keys(template.events[0]), 'x_desk_note'], 'keys keep their order');
  assert.deepEqual(Object.keys(d), Object.keys(template), 'top-level keys and the template\'s help notes are kept');
  assert.ok(after.startsWith('{\n  "'), 'pretty-printed with two spaces');

  // Remove is undone by the editor's Undo.
  const events = d.events.length;
  await r.getByRole('button', { name: 'Remove event 1' }).click();
  assert.equal((await json(page)).events.length, events - 1);
  // Said where it happened, with the way back beside it (and at the top, as for any work replaced).
  assert.match(await page.locator('.fm-removed').textContent(), /^Removed event 1 \(Changed in the form\)\./);
  assert.equal(await page.locator('.ed-undo button').count(), 1);
  await page.getByRole('button', { name: 'Undo: bring back event 1' }).click();
  assert.equal((await json(page)).events.length, events);
  assert.equal(await bilingual(row(page, 'Event 1'), 'Title (a few words)', 'English').inputValue(), 'Changed in the form');

  // JSON that does not parse: the form says so and cannot be edited.
  await page.getByRole('tab', { name: 'JSON' }).click();
  await page.evaluate(() => {
    const t = document.getElementById('ed-text');
    t.value = t.value.replace('{', '{,');
    t.dispatchEvent(new Event('input'));
  });
  // By keyboard: the tabs answer the arrow keys.
  await page.getByRole('tab', { name: 'JSON' }).focus();
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'ed-tab-form');
  assert.equal(await page.getByRole('tab', { name: 'Form' }).getAttribute('aria-selected'), 'true');
  assert.match(await page.getByRole('alert').filter({ hasText: 'JSON' }).textContent(), /the JSON has an error; fix it in the JSON view/i);
  assert.ok(await bilingual(page, 'Headline', 'English').isDisabled());
  assert.deepEqual(errors, []);
  await context.close();
});

test('the form view: axe finds nothing, every input is labelled, and it fits 320 px', { timeout: 90_000 }, async () => {
  for (const width of [320, 375, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${site.url}editor.html`);
    await noProblems(page);
    // A problem on show, so its mark is checked too.
    await bilingual(page, 'Headline', 'English').fill('');
    await page.waitForSelector('.fm-problem');
    if (width !== 375) {
      const { violations } = await new AxeBuilder({ page }).include('#ed-form-panel').analyze();
      assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target})`), [], `at ${width} px`);
    }
    const unlabelled = await page.evaluate(() => [...document.querySelectorAll('#ed-form input, #ed-form select, #ed-form textarea')]
      .filter((i) => !(i.labels?.length || i.getAttribute('aria-labelledby'))).map((i) => i.id));
    assert.deepEqual(unlabelled, [], 'every input has a visible label');
    const korean = await page.evaluate(() => [...document.querySelectorAll('#ed-form [data-path$=".ko"]')].every((i) => i.lang === 'ko'));
    assert.ok(korean, 'Korean inputs say lang="ko"');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.equal(overflow, 0, `no sideways scroll at ${width} px`);
    if (width !== 320) await page.screenshot({ path: `${out}editor-form-${width}.png`, fullPage: false });
    await context.close();
  }
});

test('a long list is folded, and a problem in it is still one click away', { timeout: 90_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors = watchErrors(page);
  await page.goto(`${site.url}editor.html`);
  await noProblems(page);
  await page.setInputFiles('#ed-open', here('../../data/coupang-2025.json'));
  await page.waitForFunction(() => document.getElementById('ed-status').textContent.includes('No problems') && JSON.parse(document.getElementById('ed-text').value).id === 'coupang-2025');
  const events = (await json(page)).events.length;
  assert.ok(events > 12, `Coupang has ${events} events`);
  const fold = page.locator('[data-list="events"] details.fm-fold summary');
  assert.equal(await fold.textContent(), `Show the ${events} events`);
  assert.equal(await page.locator('[data-path^="events["]').count(), 0, 'the rows are not drawn until opened');
  // A date broken in the JSON, deep in the list.
  await page.getByRole('tab', { name: 'JSON' }).click();
  await page.evaluate(() => {
    const t = document.getElementById('ed-text');
    const d = JSON.parse(t.value);
    d.events[20].date = '2025-02-30';
    t.value = `${JSON.stringify(d, null, 2)}\n`;
    t.dispatchEvent(new Event('input'));
  });
  await page.waitForSelector('.ed-problem');
  await page.getByRole('tab', { name: 'Form' }).click();
  await page.locator('.ed-problem', { hasText: 'events[20].date' }).click();
  assert.equal(await page.evaluate(() => document.activeElement.closest('[data-path]')?.dataset.path), 'events[20].date');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-invalid')), 'true');
  assert.match(await page.locator('[data-path="events[20].date"] .fm-problem').textContent(), /2025-02-30/);
  // The list is open now, every row drawn; another opens from the keyboard.
  assert.equal(await page.locator('[data-path^="events["].fm-row').count(), events);
  const sources = (await json(page)).sources.length;
  await page.locator('[data-list="sources"] details.fm-fold summary').focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('[data-path^="sources["].fm-row').count(), sources);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.path), 'sources[0]', 'focus moves to its first row');
  assert.deepEqual(errors, []);
  await context.close();
});
