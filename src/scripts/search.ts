/**
 * The search page client (no framework). Reads its configuration from data attributes of
 * #dayline-search (no inline script, CSP-friendly), loads Pagefind's JS API on demand, keeps the
 * search state in the URL (history.replaceState) and renders results without innerHTML.
 */
import { FILTERS, PART_FILTER, chooseExcerpt, effectiveSort, isEmpty, localiseUrl, mergePartResponses, pagefindArgs, parseState, prepareQuery, stateToSearch } from '../search/state.ts';
import type { Filter, SearchState, Sort } from '../search/state.ts';

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
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const moreButton = root.querySelector<HTMLButtonElement>('[data-search-more]')!;
  const clearButton = root.querySelector<HTMLButtonElement>('[data-search-clear]');

  // JavaScript runs: swap the explanation for the live controls.
  for (const el of root.querySelectorAll<HTMLElement>('[data-nojs]')) el.hidden = true;
  for (const el of root.querySelectorAll<HTMLElement>('[data-js]')) el.hidden = false;
  status.textContent = s('loading');

  let state = parseState(location.search);
  /** the order the reader chose (undefined: the default for the query) */
  let chosenSort: Sort | undefined = state.sort;
  writeControls(state);

  // Filter labels (readable names of every place, group, source…) are loaded only when the filters
  // are used, so that a first search downloads no more than it needs.
  let labels: Labels | null = null;
  let labelsPromise: Promise<void> | null = null;
  let lastCounts: Record<string, Record<string, number>> | null = null;
  const ensureLabels = () =>
    (labelsPromise ??= fetch(cfg.labels ?? `${base}pagefind/dayline-labels.json`)
      .then((r) => r.json() as Promise<Labels>)
      .then((l) => {
        labels = l;
        fillFilterOptions(lastCounts);
      })
      .catch((err) => console.error(err)));
  const filtersBox = form.querySelector<HTMLElement>('fieldset')!;
  for (const type of ['focusin', 'pointerenter', 'pointerdown']) filtersBox.addEventListener(type, () => void ensureLabels(), { once: true });
  if (FILTERS.some((f) => state.filters[f])) void ensureLabels();

  // Large sites split the index into several Pagefind bundles (see scripts/search-index.ts): the
  // list of the extra ones is fetched while pagefind.js loads.
  const partsPromise = fetch(`${base}pagefind/dayline-parts.json`)
    .then((r) => (r.ok ? (r.json() as Promise<string[]>) : []))
    .catch(() => [] as string[]);
  let pagefind: PagefindApi;
  let partCount = 1;
  try {
    const extra = partsPromise.then((p) => (Array.isArray(p) ? p.map((dir) => `${base}${dir}`) : []));
    pagefind = await loadPagefind(cfg.pagefind ?? `${base}pagefind/pagefind.js`, extra);
    partCount = 1 + (await extra).length;
  } catch (err) {
    console.error(err);
    status.textContent = s('error');
    for (const el of root.querySelectorAll<HTMLElement>('[data-nojs]')) el.hidden = false;
    return;
  }

  let searchSeq = 0;
  let current: { results: PagefindResult[]; shown: number } = { results: [], shown: 0 };

  async function run() {
    const seq = ++searchSeq;
    state = readControls();
    const query = stateToSearch(state);
    history.replaceState(history.state, '', `${location.pathname}${query}${location.hash}`);
    if (isEmpty(state)) {
      list.replaceChildren();
      moreButton.hidden = true;
      current = { results: [], shown: 0 };
      lastCounts = null;
      fillFilterOptions(null);
      status.textContent = s('ready');
      root.dataset.state = 'idle';
      return;
    }
    root.dataset.state = 'searching';
    list.setAttribute('aria-busy', 'true');
    sortSelect.value = effectiveSort(state);
    const { term, options } = pagefindArgs(state);
    performance.mark('dayline-search-start');
    const response = await searchParts(term, options);
    performance.mark('dayline-search-found');
    if (seq !== searchSeq || !response) return; // a newer search superseded this one
    current = { results: response.results, shown: 0 };
    list.replaceChildren();
    await showMore(seq, false);
    if (seq !== searchSeq) return;
    performance.mark('dayline-search-shown');
    lastCounts = response.filters;
    fillFilterOptions(response.filters);
    const count = response.results.length;
    list.removeAttribute('aria-busy');
    status.textContent = count === 0 ? s('none') : count === 1 ? s('one') : s('many', { count: numberFmt.format(count) });
    root.dataset.state = 'done';
  }

  /**
   * One search over every part. Pagefind orders merged results by score, and a sorted search scores
   * results by their position within their own bundle, so date order across parts is rebuilt here:
   * one search per part (restricted by its synthetic filter), concatenated in part order.
   */
  async function searchParts(term: string | null, options: SearchOptions): Promise<PagefindResponse | null> {
    const direction = options.sort?.date;
    if (partCount <= 1 || !direction) return pagefind.search(term, options);
    const responses: PagefindResponse[] = [];
    for (let k = 0; k < partCount; k++) {
      const r = await pagefind.search(term, { ...options, filters: { ...options.filters, [PART_FILTER]: String(k) } });
      if (!r) return null;
      responses.push(r);
    }
    return mergePartResponses(responses, direction);
  }

  async function showMore(seq: number, focusFirst: boolean) {
    if (root.dataset.loading === String(seq)) return; // already loading this page
    root.dataset.loading = String(seq);
    const slice = current.results.slice(current.shown, current.shown + PAGE_SIZE);
    current.shown += slice.length;
    moreButton.hidden = current.results.length - current.shown <= 0;
    // Fetch every fragment at once, show each result as soon as it and those before it are in.
    const pending = slice.map((r) => r.data());
    let first: HTMLLIElement | undefined;
    for (const p of pending) {
      const d = await p;
      if (seq !== searchSeq) {
        if (root.dataset.loading === String(seq)) delete root.dataset.loading;
        return;
      }
      const li = renderResult(d);
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
    time.textContent = d.meta.date ?? '';
    const srcId = d.meta.source_id ?? d.filters.source?.[0];
    const srcName = (srcId && labels?.source[srcId]?.[labelLang]) || d.meta.source || '';
    a.append(time, document.createTextNode(` · ${srcName}`));
    heading.append(a);

    const excerpt = document.createElement('p');
    excerpt.className = 'search-result__excerpt';
    if (d.meta.lang) excerpt.lang = d.meta.lang;
    const partLengths = (d.meta.parts ?? '').split(',').map(Number).filter((n) => n > 0);
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
      if (labels) return ids.map((id) => labels![f][id]?.[labelLang] ?? id).join(locale === 'zh' ? '、' : ', ');
      const key = f === 'place' ? 'places' : 'groups';
      return (locale === 'zh' ? d.meta[`${key}_zh`] : d.meta[key]) ?? ids.join(', ');
    };
    add(s('language'), d.meta.lang ? s(`lang.${d.meta.lang}`) : '');
    add(s('places'), names('place'));
    add(s('groups'), names('group'));

    li.append(heading, excerpt, meta);
    return li;
  }

  /** Options of each filter: readable names in the UI language, with counts for the current search. */
  function fillFilterOptions(counts: Record<string, Record<string, number>> | null) {
    if (!labels) return;
    const L = labels;
    for (const f of FILTERS) {
      const select = selects[f];
      const selected = select.value || state.filters[f] || '';
      const ids = Object.keys(L[f] ?? {});
      const collator = new Intl.Collator(locale === 'zh' ? 'zh-Hans' : 'en');
      if (f === 'year') ids.sort();
      else if (f !== 'lang') ids.sort((a, b) => collator.compare(L[f][a][labelLang], L[f][b][labelLang]));
      const options = [new Option(s(`any.${f}`), '')];
      for (const id of ids) {
        const n = counts?.[f]?.[id];
        const text = L[f][id][labelLang] + (n === undefined ? '' : ` (${numberFmt.format(n)})`);
        const opt = new Option(text, id);
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
    // Without words, "best match" is meaningless: the default order is then by date.
    const sort = chosenSort && chosenSort !== effectiveSort({ q, filters }) ? chosenSort : undefined;
    return { q, filters, sort };
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
    if (e.target instanceof HTMLSelectElement) void run();
  });
  clearButton?.addEventListener('click', () => {
    chosenSort = undefined;
    writeControls({ q: '', filters: {} });
    void run();
    input.focus();
  });
  moreButton.addEventListener('click', () => void showMore(searchSeq, true));

  if (isEmpty(state)) status.textContent = s('ready');
  else await run();
  root.dataset.ready = 'true';
}

async function loadPagefind(url: string, extra: Promise<string[]>): Promise<PagefindApi> {
  const pf = (await import(/* @vite-ignore */ url)) as PagefindApi;
  const extraBundles = await extra;
  // No web worker: it would download a second copy of the search code (~43 KB).
  await pf.options({ noWorker: true, excerptLength: 40 });
  await pf.init();
  if (extraBundles.length) {
    // Every bundle is tagged with its part number, so that a search can be limited to one part.
    await pf.options({ mergeFilter: { [PART_FILTER]: '0' } });
    await Promise.all(extraBundles.map((path, i) => pf.mergeIndex(path, { excerptLength: 40, mergeFilter: { [PART_FILTER]: String(i + 1) } })));
  }
  prepareQuery('中文'); // warm up the word segmenter (it loads its dictionary on first use)
  return pf;
}
