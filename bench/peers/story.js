// The Coupang story for the peer pages of bench/peers.mjs, from the same dataset file the
// explainer reads: fetched, then shaped into what a timeline and the two count charts need.
// bench/peers.mjs inlines this file into each page (a page's own code, as a newsroom's would
// be), so it costs no request of its own.
/* exported story */
const story = {
  /** The dataset, as the explainer fetches it. */
  async load() {
    const response = await fetch('data/coupang-2025.json');
    return response.json();
  },

  /** The benchmark's mark, after the first frame with the content in it has been painted:
   * the same way the explainer marks it (www/explainer.js). */
  rendered() {
    requestAnimationFrame(() => setTimeout(() => performance.mark('rendered')));
  },

  /** A dataset date ("2025", "2025-11", "2025-11-19", "2025-11-06T18:38+09:00") as its parts. */
  parts(date) {
    const [, year, month, day, hour, minute] =
      /^(\d{4})(?:-(\d\d))?(?:-(\d\d))?(?:T(\d\d):(\d\d))?/.exec(date).map((x) => (x === undefined ? undefined : Number(x)));
    return { year, month, day, hour, minute };
  },

  /** A dataset date as a Date (its first day when only the month or year is known). */
  date(date) {
    const { year, month = 1, day = 1 } = story.parts(date);
    return new Date(Date.UTC(year, month - 1, day));
  },

  /** A count's value (the larger bound of a range). */
  value(count) {
    const v = count.value;
    return typeof v === 'number' ? v : (v?.max ?? v?.min ?? NaN);
  },

  /** The revisions chart's figures, as the crate picks them (src/model/figures.rs): every count
   * that is not only context for a comparison, in date order. */
  revisions(d) {
    const head = d.counts[0]?.series;
    const context = new Set(d.comparisons.flatMap((c) => c.counts));
    return d.counts
      .filter((c) => c.series === head || !context.has(c.id))
      .map((c) => ({
        label: c.subject.en,
        unit: c.unit,
        date: story.date(c.as_of),
        value: story.value(c),
        claim: c.status === 'disputed-claim',
      }))
      .sort((a, b) => a.date - b.date);
  },

  /** The comparison chart's bars: the first comparison's counts, largest first. */
  comparison(d) {
    const cmp = d.comparisons[0];
    const rows = cmp.counts.map((id) => d.counts.find((c) => c.id === id));
    return {
      title: cmp.title.en,
      rows: rows.map((c) => ({ label: c.subject.en, unit: c.unit, value: story.value(c) })).sort((a, b) => b.value - a.value),
    };
  },

  /** The two charts as Chart.js configurations (chartjs.html, newsroom.html). Animation off, so
   * the first frame is the whole chart; a linear x axis of dates (Chart.js's time axis needs a
   * date adapter package). */
  chartjs(d) {
    const revisions = story.revisions(d);
    const comparison = story.comparison(d);
    const month = (v) => new Date(v).toISOString().slice(0, 7);
    return [{
      type: 'scatter',
      data: {
        datasets: [{
          label: 'Reported figure',
          data: revisions.map((r) => ({ x: +r.date, y: r.value, label: `${r.label} (${r.unit})` })),
          pointRadius: 6,
          pointStyle: revisions.map((r) => (r.claim ? 'rectRot' : 'circle')),
          backgroundColor: revisions.map((r) => (r.claim ? 'transparent' : '#b3261e')),
          borderColor: '#b3261e',
        }],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        plugins: {
          title: { display: true, text: 'How the count was revised' },
          tooltip: { callbacks: { label: (c) => `${c.raw.label}: ${c.raw.y.toLocaleString('en')}` } },
        },
        scales: {
          x: { type: 'linear', ticks: { callback: month } },
          y: { type: 'logarithmic', title: { display: true, text: 'Reported figure (log scale)' } },
        },
      },
    }, {
      type: 'bar',
      data: {
        labels: comparison.rows.map((r) => `${r.label} (${r.unit})`),
        datasets: [{ label: 'Count', data: comparison.rows.map((r) => r.value), backgroundColor: '#1f5f99' }],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        indexAxis: 'y',
        plugins: { title: { display: true, text: comparison.title } },
      },
    }];
  },

  /** The events as a TimelineJS 3 timeline (timelinejs.html, newsroom.html): a slide per event,
   * grouped by lane, the preferred exposure window as an era. */
  timelinejs(d) {
    const date = (s) => {
      const p = story.parts(s);
      return Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined));
    };
    const claim = d.exposure.claims.find((c) => c.id === d.exposure.preferred) ?? d.exposure.claims[0];
    return {
      title: { text: { headline: d.breach.title.en, text: d.breach.summary.en } },
      events: d.events.map((e) => ({
        unique_id: e.id,
        start_date: date(e.date),
        text: { headline: e.title.en, text: e.detail.en },
        group: story.lanes[e.lane] ?? e.lane,
      })),
      eras: [{ start_date: date(claim.start), end_date: date(claim.end), text: { headline: 'Exposure window' } }],
    };
  },

  /** TimelineJS's options: its files from this site, and no web fonts (its default font CSS
   * loads PT Sans and PT Serif from fonts.gstatic.com; the benchmark stays on one origin). */
  timelineOptions: { script_path: 'lib/timelinejs/js/', font: null },

  /** The lanes of the timeline, named. */
  lanes: {
    breach: 'The breach',
    company: 'Company',
    government: 'Government',
    'police-courts': 'Police and courts',
    context: 'Context',
  },
};
