/**
 * The search page client (no framework). Reads its configuration from data attributes of
 * #dayline-search (no inline script, CSP-friendly), loads Pagefind's JS API on demand, keeps the
 * search state in the URL (history.replaceState) and renders results without innerHTML.
 */
import { FILTERS, RANGE_KEYS, chooseExcerpt, effectiveSort, isEmpty, isIsoDay, localiseUrl, pagefindArgs, parseState, prepareQuery, stateToSearch } from '../search/state.ts';
import { PARTS_FILE, PART_FILTER, ROWS_FILE, SINGLE_PART, indexDates, isPartsManifest, labelsFile, nextBatch, partOrder, searchedBoundary, sumFilterCounts } from '../search/parts.ts';
import { formatDay, formatEventDate } from '../lib/dates.ts';
import type { PartsManifest } from '../search/parts.ts';
import type { Filter, SearchState, Sort } from '../search/state.ts';
import { typeOfQuery } from '../search/type-query.ts';
import { COLUMNS, csvLine } from '../ingest/records/csv.ts';

type Label = { en: string; 'zh-Hans': string; 'zh-Hant': string };
type Labels = Record<Filter, Record<string, Label>>;

interface PagefindResultData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}
interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}
interface PagefindResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}
interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: Record<string, unknown>): Promise<PagefindResponse | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
  mergeIndex(indexPath: string, options?: Record<string, unknown>): Promise<void>;
}
type SearchOptions = ReturnType<typeof pagefindArgs>['options'];

const PAGE_SIZE = 10;
const EXCERPT_LENGTH = 40;
const DEBOUNCE_MS = 150;

const root = document.getElementById('dayline-search');
if (root) void main(root);

async function main(root: HTMLElement) {
  const cfg = root.dataset;
  const locale = cfg.locale === 'zh' ? 'zh' : 'en';
  const labelLang: keyof Label = locale === 'zh' ? 'zh-Hans' : 'en';
  const base = cfg.base ?? '/';
  const strings = JSON.parse(cfg.strings ?? '{}') as Record<string, string>;
  const s = (key: string, vars: Record<string, string | number> = {}) =>
    (strings[key] ?? key).replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
  const numberFmt = new Intl.NumberFormat(locale === 'zh' ? 'zh-Hans' : 'en-GB');

  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const sortSelect = form.querySelector<HTMLSelectElement>('select[name="sort"]')!;
  const selects = Object.fromEntries(
    FILTERS.map((f) => [f, form.querySelector<HTMLSelectElement>(`select[name="${f}"]`)!]),
  ) as Record<Filter, HTMLSelectElement>;
  const rangeInputs = Object.fromEntries(RANGE_KEYS.map((k) => [k, form.querySelector<HTMLInputElement>(`input[name="${k}"]`)!])) as Record<(typeof RANGE_KEYS)[number], HTMLInputElement>;
  const rangeNote = root.querySelector<HTMLElement>('[data-range-note]');
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const moreButton = root.querySelector<HTMLButtonElement>('[data-search-more]')!;
  const clearButton = root.querySelector<HTMLButtonElement>('[data-search-clear]');
  const downloadButton = root.querySelector<HTMLButtonElement>('[data-search-download]');
  const typeNames = JSON.parse(cfg.types ?? '{}') as Record<string, string>;

  // JavaScript runs: swap the explanation for the live controls.
  for (const el of root.querySelectorAll<HTMLElement>('[data-nojs]')) el.hidden = true;
  for (const el of root.querySelectorAll<HTMLElement>('[data-js]')) el.hidden = false;
  status.textContent = s('loading');

  let state = parseState(location.search);
  /** the order the reader chose (undefined: the default for the query) */
  let chosenSort: Sort | undefined = state.sort;
  writeControls(state);
  // A date the URL writes wrongly is left out of the search, and the reader is told so.
  const badDates = RANGE_KEYS.map((k) => new URLSearchParams(location.search).get(k)?.trim() ?? '').filter((v) => v && !isIsoDay(v));
  if (rangeNote && badDates.length) {
    rangeNote.textContent = badDates.map((value) => s('badRange', { value })).join(' ');
    rangeNote.hidden = false;
  }

  // Filter labels (readable names of every place, group, source…), one file per filter, are loaded
  // only when the filters are used, so that a first search downloads no more than it needs.
  const labels: Partial<Labels> = {};
  const labelLoads = new Map<Filter, Promise<void>>();
  let lastCounts: Record<string, Record<string, number>> | null = null;
  const ensureLabels = (filters: readonly Filter[]) =>
    Promise.all(
      filters.map((f) => {
        let load = labelLoads.get(f);
        if (!load) {
          load = fetch(`${base}pagefind/${labelsFile(f)}`)
            .then((r) => r.json() as Promise<Labels[Filter]>)
            .then((l) => {
              labels[f] = l;
              fillFilterOptions(lastCounts, [f]);
            })
            .catch((err) => console.error(err));
          labelLoads.set(f, load);
        }
        return load;
      }),
    );
  const filtersBox = form.querySelector<HTMLElement>('fieldset')!;
  for (const type of ['focusin', 'pointerenter', 'pointerdown']) filtersBox.addEventListener(type, () => void ensureLabels(FILTERS), { once: true });
  // Source names are shown on every result (a small file); the others when a filter needs them.
  void ensureLabels(['source', ...FILTERS.filter((f) => f !== 'source' && state.filters[f])]);

  // Large sites split the index into parts (src/search/parts.ts): the manifest says which part the
  // search in the address reads first, and Pagefind loads that one.
  const manifestPromise: Promise<PartsManifest> = fetch(`${base}pagefind/${PARTS_FILE}`)
    .then((r) => (r.ok ? r.json() : null))
    .catch(() => null)
    .then((m: unknown) => (isPartsManifest(m) ? m : SINGLE_PART));
  let pagefind: PagefindApi;
  let manifest: PartsManifest;
  let primary = 0;
  try {
    const pagefindModule = import(/* @vite-ignore */ cfg.pagefind ?? `${base}pagefind/pagefind.js`) as Promise<PagefindApi>;
    pagefindModule.catch(() => undefined); // a failure is handled below, once awaited
    manifest = await manifestPromise;
    primary = firstPart(manifest, state);
    pagefind = await loadPagefind(pagefindModule, manifest, primary, base);
  } catch (err) {
    console.error(err);
    status.textContent = s('error');
    for (const el of root.querySelectorAll<HTMLElement>('[data-nojs]')) el.hidden = false;
    return;
  }

  // The primary part is loaded with Pagefind; the others are merged the first time a search needs them.
  const merged = new Map<number, Promise<void>>([[primary, Promise.resolve()]]);
  const mergePart = (k: number) => {
    let p = merged.get(k);
    if (!p) {
      p = pagefind.mergeIndex(`${base}${manifest.parts[k].path}`, { excerptLength: EXCERPT_LENGTH, mergeFilter: { [PART_FILTER]: String(k) } });
      merged.set(k, p);
    }
    return p;
  };

  const formatDate = (iso: string) => (isIsoDay(iso) ? formatDay(iso, locale) : iso);
  const dates = indexDates(manifest);

  /**
   * One search as the reader sees it. A date-ordered search on a site of several parts reads the
   * parts one at a time, in result order, and stops as soon as it has the results to show; `pending`
   * holds the parts not read yet. A best-match search needs every part at once.
   */
  interface Session {
    seq: number;
    term: string | null;
    options: SearchOptions;
    direction?: 'asc' | 'desc';
    results: PagefindResult[];
    shown: number;
    pending: number[];
    counts: Record<string, Record<string, number>>[];
    /** the type the query names, when it names one */
    asType?: string;
    /** the result shown for each happening several sources tell: its other accounts join it */
    happenings?: Map<string, HTMLLIElement>;
  }

  let searchSeq = 0;
  let current: Session = { seq: 0, term: null, options: { filters: {} }, results: [], shown: 0, pending: [], counts: [] };

  async function run() {
    const seq = ++searchSeq;
    state = readControls();
    const query = stateToSearch(state);
    history.replaceState(history.state, '', `${location.pathname}${query}${location.hash}`);
    if (isEmpty(state)) {
      list.replaceChildren();
      moreButton.hidden = true;
      current = { ...current, seq, results: [], shown: 0, pending: [], counts: [] };
      lastCounts = null;
      fillFilterOptions(null);
      status.textContent = s('ready');
      root.dataset.state = 'idle';
      return;
    }
    root.dataset.state = 'searching';
    list.setAttribute('aria-busy', 'true');
    sortSelect.value = effectiveSort(state);
    // A query that names an event type ("car bomb", 汽车炸弹) searches by that type.
    const asType = state.filters.type ? undefined : typeOfQuery(state.q, typeNames);
    const { term, options } = pagefindArgs(asType ? { ...state, q: '', filters: { ...state.filters, type: asType } } : state, undefined, dates);
    const direction = options.sort?.date;
    const session: Session = { seq, term, options, direction, results: [], shown: 0, pending: [], counts: [], asType };
    performance.mark('dayline-search-start');
    if (direction && manifest.parts.length > 1) {
      session.pending = partOrder(manifest, options.filters, direction, state);
    } else {
      await Promise.all(manifest.parts.map((_, k) => mergePart(k)));
      const response = await pagefind.search(term, options);
      if (seq !== searchSeq || !response) return; // a newer search superseded this one
      session.results = response.results;
      session.counts.push(response.filters);
    }
    // The first page is read before the previous results are replaced, so the list never flashes empty.
    if (!(await readParts(session, PAGE_SIZE))) return;
    performance.mark('dayline-search-found');
    current = session;
    list.replaceChildren();
    await showMore(seq, false);
    if (seq !== searchSeq) return;
    performance.mark('dayline-search-shown');
    list.removeAttribute('aria-busy');
    root.dataset.state = 'done';
  }

  /**
   * Reads pending parts until the session holds `wanted` results or none remain. Each part is
   * searched on its own (restricted by its synthetic filter) and answers in date order, so the
   * parts' results, concatenated in reading order, are in date order. The parts of a batch are
   * fetched together; their searches then run in turn. False when superseded.
   */
  async function readParts(session: Session, wanted: number): Promise<boolean> {
    while (session.results.length < wanted && session.pending.length) {
      const batch = session.pending.slice(0, nextBatch(session.counts.length, session.pending.length));
      await Promise.all(batch.map(mergePart));
      for (const k of batch) {
        const response = await pagefind.search(session.term, { ...session.options, filters: { ...session.options.filters, [PART_FILTER]: String(k) } });
        if (session.seq !== searchSeq || !response) return false;
        session.pending.shift();
        session.results.push(...response.results);
        session.counts.push(response.filters);
      }
    }
    return session.seq === searchSeq;
  }

  /** The count, exact once every part that may match is read; else how far the search has gone. */
  function showStatus(session: Session) {
    const count = session.results.length;
    const boundary = session.direction ? searchedBoundary(manifest, session.pending, session.direction) : undefined;
    if (boundary) {
      status.textContent = s(session.direction === 'asc' ? 'partial.asc' : 'partial.desc', { count: numberFmt.format(count), date: formatDate(boundary) });
      lastCounts = null; // counts of some parts only would mislead
    } else {
      status.textContent = count === 0 ? s('none') : count === 1 ? s('one') : s('many', { count: numberFmt.format(count) });
      lastCounts = sumFilterCounts(session.counts);
    }
    if (session.asType) {
      const name = labels.type?.[session.asType]?.[labelLang] ?? session.asType;
      status.textContent = `${s('byType', { type: name })} ${status.textContent}`;
      if (!labels.type) void ensureLabels(['type']).then(() => current === session && showStatus(session));
    }
    if (downloadButton) downloadButton.hidden = count === 0;
    fillFilterOptions(lastCounts);
  }

  async function showMore(seq: number, focusFirst: boolean) {
    if (root.dataset.loading === String(seq)) return; // already loading this page
    root.dataset.loading = String(seq);
    const session = current;
    if (!(await readParts(session, session.shown + PAGE_SIZE))) {
      if (root.dataset.loading === String(seq)) delete root.dataset.loading;
      return;
    }
    const slice = session.results.slice(session.shown, session.shown + PAGE_SIZE);
    session.shown += slice.length;
    moreButton.hidden = session.results.length <= session.shown && !session.pending.length;
    showStatus(session);
    // Fetch every fragment at once, show each result as soon as it and those before it are in.
    const pending = slice.map((r) => r.data());
    let first: HTMLLIElement | undefined;
    session.happenings ??= new Map();
    for (const p of pending) {
      const d = await p;
      if (seq !== searchSeq) {
        if (root.dataset.loading === String(seq)) delete root.dataset.loading;
        return;
      }
      // Another account of a happening already shown joins that result instead of repeating it.
      const happening = d.filters.happening?.[0];
      const shownAs = happening ? session.happenings.get(happening) : undefined;
      if (shownAs) {
        addAccount(shownAs, d);
        continue;
      }
      const li = renderResult(d);
      if (happening) session.happenings.set(happening, li);
      list.append(li);
      if (!first) {
        first = li;
        root.dataset.shown = String(seq);
        performance.mark('dayline-search-first');
      }
    }
    delete root.dataset.loading;
    if (focusFirst && first) first.querySelector<HTMLAnchorElement>('a')?.focus();
  }

  function renderResult(d: PagefindResultData): HTMLLIElement {
    const li = document.createElement('li');
    li.className = 'search-result';
    const heading = document.createElement('h3');
    heading.className = 'search-result__title';
    const a = document.createElement('a');
    a.href = localiseUrl(d.url, base, locale);
    const time = document.createElement('span');
    time.className = 'search-result__date';
    const start = d.filters.start?.[0];
    if (start && isIsoDay(start)) {
      time.textContent = formatEventDate({ start, end: d.filters.end?.[0] ?? start, precision: d.filters.precision?.[0] ?? 'day' }, locale);
    }
    const srcId = d.filters.source?.[0];
    const srcName = (srcId && labels.source?.[srcId]?.[labelLang]) || srcId || '';
    const srcSpan = document.createElement('span');
    srcSpan.textContent = srcName;
    if (d.filters.lang?.[0]) srcSpan.lang = d.filters.lang[0];
    a.append(time, document.createTextNode(' · '), srcSpan);
    heading.append(a);

    const excerpt = document.createElement('p');
    excerpt.className = 'search-result__excerpt';
    const lang = d.filters.lang?.[0];
    if (lang) excerpt.lang = lang;
    const partLengths = (d.filters.lengths?.[0] ?? '').split(',').map(Number).filter((n) => n > 0);
    const { parts, matched } = chooseExcerpt(d.content, d.excerpt, partLengths);
    for (const part of parts) {
      if (part.mark) {
        const m = document.createElement('mark');
        m.textContent = part.text;
        excerpt.append(m);
      } else excerpt.append(document.createTextNode(part.text));
    }

    const meta = document.createElement('dl');
    meta.className = 'search-result__meta';
    const add = (term: string, value: string) => {
      if (!value) return;
      const dt = document.createElement('dt');
      dt.textContent = term;
      const dd = document.createElement('dd');
      dd.textContent = value;
      meta.append(dt, dd);
    };
    const names = (f: 'place' | 'group') => {
      const ids = d.filters[f] ?? [];
      const known = labels[f];
      if (known) return ids.map((id) => known[id]?.[labelLang] ?? id).join(locale === 'zh' ? '、' : ', ');
      const key = f === 'place' ? 'places' : 'groups';
      return (locale === 'zh' ? d.meta[`${key}_zh`] : d.meta[key]) ?? ids.join(', ');
    };
    add(s('type'), (locale === 'zh' ? d.meta.type_zh : d.meta.type) ?? '');
    add(s('language'), lang ? s(`lang.${lang}`) : '');
    add(s('places'), names('place'));
    add(s('groups'), names('group'));

    li.append(heading, excerpt, meta);
    const told = Number(d.filters.accounts?.[0] ?? 1);
    const happening = d.filters.happening?.[0];
    if (told > 1 && happening) {
      li.dataset.happening = happening;
      // the happening's accounts side by side, on the day page of this one
      const note = document.createElement('p');
      note.className = 'search-result__accounts muted';
      // day pages show a happening's accounts together (#h-…); month and year pages one by one
      const onDay = (d.filters.precision?.[0] ?? 'day') === 'day';
      const link = document.createElement(onDay ? 'a' : 'span');
      if (link instanceof HTMLAnchorElement) link.href = `${localiseUrl(d.url, base, locale).split('#')[0]}#${happening}`;
      link.textContent = s('accounts', { count: numberFmt.format(told) });
      note.append(link);
      li.append(note);
    }
    return li;
  }

  /** Another account of the same happening, found by this search: a link beside the first. */
  function addAccount(li: HTMLLIElement, d: PagefindResultData) {
    const note = li.querySelector<HTMLParagraphElement>('.search-result__accounts');
    if (!note) return;
    const first = !note.querySelector('[data-also]');
    note.append(document.createTextNode(first ? ` · ${s('alsoFound')} ` : ' · '));
    const a = document.createElement('a');
    a.dataset.also = '';
    a.href = localiseUrl(d.url, base, locale);
    const srcId = d.filters.source?.[0];
    a.textContent = (srcId && labels.source?.[srcId]?.[labelLang]) || srcId || d.url;
    if (d.filters.lang?.[0]) a.lang = d.filters.lang[0];
    note.append(a);
  }

  /**
   * Options of each filter whose labels are in: readable names in the UI language, with counts for
   * the current search when they are known.
   */
  function fillFilterOptions(counts: Record<string, Record<string, number>> | null, filters: readonly Filter[] = FILTERS) {
    const collator = new Intl.Collator(locale === 'zh' ? 'zh-Hans' : 'en');
    for (const f of filters) {
      const L = labels[f];
      if (!L) continue;
      const select = selects[f];
      const selected = select.value || state.filters[f] || '';
      const ids = Object.keys(L);
      if (f === 'year') ids.sort();
      else if (f !== 'lang' && f !== 'type') ids.sort((a, b) => collator.compare(L[a][labelLang], L[b][labelLang]));
      const options = [new Option(s(`any.${f}`), '')];
      for (const id of ids) {
        const n = counts?.[f]?.[id];
        const text = L[id][labelLang] + (n === undefined ? '' : ` (${numberFmt.format(n)})`);
        const opt = new Option(text, id);
        // a name in its own script (a source title, a place without a Chinese name): content, not UI
        if (f === 'source' || f === 'place' || f === 'group') opt.lang = /\p{Script=Han}/u.test(L[id][labelLang]) ? labelLang.replace(/^en$/, 'zh') : '';
        if (n === 0 && id !== selected) opt.className = 'search-filter__empty';
        options.push(opt);
      }
      if (selected && !ids.includes(selected)) options.push(new Option(selected, selected));
      select.replaceChildren(...options);
      select.value = selected;
    }
  }

  function readControls(): SearchState {
    const filters: SearchState['filters'] = {};
    for (const f of FILTERS) if (selects[f].value) filters[f] = selects[f].value;
    const q = input.value;
    // The URL keeps the order only when it is not the default one.
    const sort = chosenSort && chosenSort !== effectiveSort({ q, filters }) ? chosenSort : undefined;
    const st: SearchState = { q, filters, sort };
    for (const k of RANGE_KEYS) if (isIsoDay(rangeInputs[k].value)) st[k] = rangeInputs[k].value;
    return st;
  }

  function writeControls(st: SearchState) {
    input.value = st.q;
    for (const f of FILTERS) {
      const select = selects[f];
      const v = st.filters[f] ?? '';
      if (v && ![...select.options].some((o) => o.value === v)) select.append(new Option(v, v));
      select.value = v;
    }
    sortSelect.value = effectiveSort(st);
    for (const k of RANGE_KEYS) rangeInputs[k].value = st[k] ?? '';
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), DEBOUNCE_MS);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    void run();
  });
  form.addEventListener('change', (e) => {
    if (e.target === sortSelect) chosenSort = sortSelect.value as Sort;
    if (e.target instanceof HTMLSelectElement || (e.target instanceof HTMLInputElement && e.target.type === 'date')) void run();
  });
  clearButton?.addEventListener('click', () => {
    chosenSort = undefined;
    writeControls({ q: '', filters: {} });
    if (rangeNote) rangeNote.hidden = true;
    void run();
    input.focus();
  });
  moreButton.addEventListener('click', () => void showMore(searchSeq, true));
  downloadButton?.addEventListener('click', () => void downloadCsv(current));

  const rowFiles = new Map<number, Promise<Record<string, string[]>>>();
  const rowsOf = (k: number): Promise<Record<string, string[]>> => {
    let p = rowFiles.get(k);
    if (!p) {
      p = fetch(`${base}${manifest.parts[k]?.path ?? 'pagefind/'}${ROWS_FILE}`)
        .then((r) => (r.ok ? (r.json() as Promise<Record<string, string[]>>) : {}))
        .catch(() => ({}));
      rowFiles.set(k, p);
    }
    return p;
  };

  /**
   * The results found so far as events.csv rows (same columns): the rows without their text come
   * from the rows file beside each part the results are in (fetched on the first download), and
   * the passage as written is the first part of each result's content.
   */
  async function downloadCsv(session: Session) {
    if (!downloadButton || !session.results.length) return;
    downloadButton.disabled = true;
    const label = downloadButton.textContent;
    downloadButton.textContent = s('downloading', { count: numberFmt.format(session.results.length) });
    try {
      const rows: string[] = [COLUMNS.join(',')];
      const textAt = COLUMNS.indexOf('text');
      for (let i = 0; i < session.results.length; i += 25) {
        const batch = await Promise.all(session.results.slice(i, i + 25).map((r) => r.data()));
        for (const d of batch) {
          const part = Number(d.filters[PART_FILTER]?.[0] ?? primary);
          const cells = [...((await rowsOf(part))[d.url] ?? [])];
          const passage = Number((d.filters.lengths?.[0] ?? '').split(',')[0]) || d.content.length;
          cells.splice(textAt, 0, d.content.slice(0, passage));
          rows.push(csvLine(cells));
        }
      }
      const url = URL.createObjectURL(new Blob([`${rows.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      const slug = stateToSearch(state).slice(1).replace(/[^\p{L}\p{N}=]+/gu, '-').replace(/^-+|-+$/g, '');
      a.download = `${s('downloadName')}${slug ? `-${slug}` : ''}.csv`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } finally {
      downloadButton.disabled = false;
      downloadButton.textContent = label;
    }
  }

  if (isEmpty(state)) status.textContent = s('ready');
  else await run();
  root.dataset.ready = 'true';
}

/** The part the search in the address reads first (Pagefind's primary bundle). */
function firstPart(manifest: PartsManifest, state: SearchState): number {
  const { options } = pagefindArgs(state, null);
  const direction = options.sort?.date;
  return (!isEmpty(state) && direction && partOrder(manifest, options.filters, direction, state)[0]) || 0;
}

/**
 * Loads Pagefind with `primary` as its primary bundle: every part's folder holds the same
 * pagefind.js and WASM, and the WASM is fetched once, from the primary bundle.
 */
async function loadPagefind(module: Promise<PagefindApi>, manifest: PartsManifest, primary: number, base: string): Promise<PagefindApi> {
  const pf = await module;
  // No web worker: it would download a second copy of the search code (~43 KB). With several parts,
  // every bundle is tagged with its part number so that a search can be limited to one part.
  await pf.options({
    basePath: `${base}${manifest.parts[primary].path}`,
    noWorker: true,
    excerptLength: EXCERPT_LENGTH,
    ...(manifest.parts.length > 1 ? { mergeFilter: { [PART_FILTER]: String(primary) } } : {}),
  });
  await pf.init();
  prepareQuery('中文'); // warm up the word segmenter (it loads its dictionary on first use)
  return pf;
}
