/**
 * The search UI, loaded only when a reader opens search: a modal dialog from any page (`/`,
 * Ctrl/⌘-K, or the header button) and the full `/search/` page whose state lives in the URL.
 * Built on Pagefind's browser API; everything is fetched from the site itself.
 */
import { excerptNodes } from './excerpt.ts';
import { loadPagefind, type Pagefind, type PagefindOptions, type PagefindSearch } from './pagefind-api.ts';

/**
 * Topic and tag names, put in by the build (see `search-ui.js.ts`), so the filter lists can be
 * shown before Pagefind's filter index (the biggest file after its page list) is fetched: a
 * first query does not need it; the counts come when the reader turns to the filters.
 */
declare const FILTER_NAMES: { topic: string[]; tag: string[] };

/** How many results to render at once; "Show more" renders the next batch. */
const BATCH = 10;
const HIGHLIGHT_PARAM = document.documentElement.dataset.highlightParam ?? 'highlight';

/** The state of one search box: query, filters and sort, mirrored in the URL on the search page. */
interface SearchState {
  q: string;
  topic: string;
  tag: string;
  sort: '' | 'title';
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

let uid = 0;

/** Builds the search controls and results inside `container`; returns its input and state hooks. */
function createSearch(
  container: HTMLElement,
  base: string,
  options: { initial: SearchState; onChange?: (state: SearchState) => void; existingInput?: HTMLInputElement },
) {
  const id = `search-${++uid}`;
  const input =
    options.existingInput ??
    element('input', { type: 'search', id: `${id}-input`, autocomplete: 'off', placeholder: 'Search papers…' });
  input.setAttribute('aria-controls', `${id}-results`);
  input.setAttribute('aria-describedby', `${id}-status`);
  const select = (name: string, label: string) => {
    const control = element('select', { id: `${id}-${name}`, name });
    const wrapper = element('label', { for: `${id}-${name}` }, `${label} `, control);
    return { control, wrapper };
  };
  const topic = select('topic', 'Topic');
  const tag = select('tag', 'Tag');
  const sort = select('sort', 'Order');
  sort.control.append(
    element('option', { value: '' }, 'Relevance'),
    element('option', { value: 'title' }, 'Title A–Z'),
  );
  const status = element('p', { id: `${id}-status`, class: 'search-status', role: 'status', 'aria-live': 'polite' });
  const results = element('ol', { id: `${id}-results`, class: 'search-results', 'aria-label': 'Search results' });
  const more = element('button', { type: 'button', class: 'search-more', hidden: '' }, 'Show more results');
  const filters = element('div', { class: 'search-filters' }, topic.wrapper, tag.wrapper, sort.wrapper);
  if (!options.existingInput) {
    const label = element('label', { for: input.id, class: 'visually-hidden' }, 'Search papers');
    container.append(element('div', { class: 'search-input-row', role: 'search' }, label, input));
  }
  container.append(filters, status, results, more);

  input.value = options.initial.q;
  sort.control.value = options.initial.sort;
  let pagefind: Pagefind | undefined;
  let generation = 0;
  let current: PagefindSearch | undefined;
  let shown = 0;

  const state = (): SearchState => ({
    q: input.value.trim(),
    topic: topic.control.value,
    tag: tag.control.value,
    sort: sort.control.value === 'title' ? 'title' : '',
  });

  let countsWanted = Boolean(options.initial.topic || options.initial.tag);
  const fillFilter = (
    control: HTMLSelectElement,
    names: readonly string[],
    counts: Record<string, number>,
    wanted: string,
    all: string,
  ) => {
    const known = Object.keys(counts).length > 0;
    // With counts, list what the current results contain; before them, every name.
    const values = (known ? Object.keys(counts) : [...names]).sort((a, b) => a.localeCompare(b, 'en'));
    if (wanted && !values.includes(wanted)) values.unshift(wanted);
    control.replaceChildren(
      element('option', { value: '' }, all),
      ...values.map((value) => element('option', { value }, counts[value] ? `${value} (${counts[value]})` : value)),
    );
    control.value = wanted;
  };
  const fillFilters = (counts: PagefindSearch['filters'], s: SearchState) => {
    fillFilter(topic.control, FILTER_NAMES.topic, counts.topic ?? {}, s.topic, 'All topics');
    fillFilter(tag.control, FILTER_NAMES.tag, counts.tag ?? {}, s.tag, 'All tags');
  };

  /** Renders the next batch of results; `replace` starts a new list (a new search). */
  const renderBatch = async (search: PagefindSearch, mine: number, replace = false) => {
    const from = replace ? 0 : shown;
    const batch = await Promise.all(search.results.slice(from, from + BATCH).map((r) => r.data()));
    if (mine !== generation) return false;
    const items = batch.map((data) => {
      const meta = [data.meta.topic, ...(data.filters.tag ?? [])].filter(Boolean).join(' · ');
      const link = element(
        'a',
        { href: data.url },
        element('span', { class: 'search-result-title' }, data.meta.title ?? data.url),
        element('span', { class: 'search-result-meta' }, meta),
      );
      const excerpt = element('p', { class: 'search-result-excerpt' }, ...excerptNodes(data.excerpt));
      return element('li', {}, link, excerpt);
    });
    if (replace) results.replaceChildren(...items);
    else results.append(...items);
    shown = from + batch.length;
    more.hidden = shown >= search.results.length;
    return true;
  };

  const run = async () => {
    const mine = ++generation;
    const s = state();
    options.onChange?.(s);
    pagefind ??= await loadPagefind(base, HIGHLIGHT_PARAM);
    if (countsWanted) await pagefind.filters(); // loads the filter index once; searches then count
    const filterOptions: PagefindOptions = { filters: {} };
    if (s.topic) filterOptions.filters!.topic = s.topic;
    if (s.tag) filterOptions.filters!.tag = s.tag;
    if (s.sort) filterOptions.sort = { title: 'asc' };
    const browsing = !s.q && (s.topic || s.tag);
    if (!s.q && !browsing) {
      const counts = countsWanted ? await pagefind.filters() : {};
      if (mine !== generation) return;
      fillFilters(counts, s);
      results.replaceChildren();
      more.hidden = true;
      status.textContent = 'Type to search titles and abstracts, or pick a topic or tag to browse.';
      return;
    }
    const search = await pagefind.search(s.q || null, filterOptions);
    if (mine !== generation) return;
    current = search;
    // Results, filters and the status line change together, once the first batch is ready.
    if (!(await renderBatch(search, mine, true))) return;
    fillFilters(search.filters, s);
    const n = search.results.length;
    const what = s.q ? `for “${s.q}”` : 'in this selection';
    status.textContent = n === 0 ? `No results ${what}.` : `${n} ${n === 1 ? 'result' : 'results'} ${what}.`;
  };

  // Keyboard: ↓ from the input enters the results; ↑/↓ move between them; ↑ from the first returns.
  const links = () => [...results.querySelectorAll<HTMLAnchorElement>('a')];
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && links()[0]) {
      event.preventDefault();
      links()[0]!.focus();
    }
    if (event.key === 'Enter' && options.existingInput) event.preventDefault(); // searching is live
  });
  results.addEventListener('keydown', (event) => {
    const all = links();
    const index = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'ArrowDown' && index < all.length - 1) {
      event.preventDefault();
      all[index + 1]!.focus();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      (index > 0 ? all[index - 1]! : input).focus();
    }
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  });
  for (const control of [topic.control, tag.control, sort.control]) control.addEventListener('change', run);
  // The reader turns to the filters: fetch the filter index so the lists show counts.
  for (const control of [topic.control, tag.control]) {
    control.addEventListener('focus', () => {
      if (countsWanted) return;
      countsWanted = true;
      void run();
    });
  }
  more.addEventListener('click', () => current && renderBatch(current, generation));

  fillFilters({}, options.initial);
  void run();
  return { input, run };
}

/** Reads the search state from a URL's query string. */
function stateFromUrl(url: URL): SearchState {
  const p = url.searchParams;
  return {
    q: p.get('q') ?? '',
    topic: p.get('topic') ?? '',
    tag: p.get('tag') ?? '',
    sort: p.get('sort') === 'title' ? 'title' : '',
  };
}

/** Writes the search state to the address bar without adding history entries for each keystroke. */
function stateToUrl(state: SearchState): void {
  const url = new URL(location.href);
  for (const key of ['q', 'topic', 'tag', 'sort'] as const) {
    if (state[key]) url.searchParams.set(key, state[key]);
    else url.searchParams.delete(key);
  }
  history.replaceState(null, '', url);
}

/** Mounts the full search page: restores the state from `?q=…` and keeps the URL in step. */
export function mountSearchPage(container: HTMLElement, base: string): void {
  const input = container.querySelector<HTMLInputElement>('input[type=search]')!;
  container.querySelector('form')?.addEventListener('submit', (event) => event.preventDefault());
  container.querySelector('form button')?.setAttribute('hidden', '');
  createSearch(container, base, {
    initial: stateFromUrl(new URL(location.href)),
    onChange: stateToUrl,
    existingInput: input,
  });
  input.focus();
}

let dialog: HTMLDialogElement | undefined;

/** Opens the search dialog (creating it on first use). Escape or the close button closes it. */
export function openSearchDialog(base: string): void {
  if (!dialog) {
    dialog = element('dialog', { class: 'search-dialog', 'aria-label': 'Search papers' });
    const close = element('button', { type: 'button', class: 'search-close', 'aria-label': 'Close search' }, 'Esc');
    close.addEventListener('click', () => dialog!.close());
    const body = element('div', { class: 'search-dialog-body' });
    const full = element('a', { href: `${base}search/`, class: 'search-full-link' }, 'Open the full search page');
    dialog.append(element('div', { class: 'search-dialog-header' }, close), body, full);
    // A click on the backdrop (outside the dialog box) closes it.
    dialog.addEventListener('click', (event) => event.target === dialog && dialog!.close());
    document.body.append(dialog);
    const { input } = createSearch(body, base, {
      initial: { q: '', topic: '', tag: '', sort: '' },
      onChange: (s) => {
        const url = new URL(`${base}search/`, location.href);
        if (s.q) url.searchParams.set('q', s.q);
        if (s.topic) url.searchParams.set('topic', s.topic);
        if (s.tag) url.searchParams.set('tag', s.tag);
        full.href = url.pathname + url.search;
      },
    });
    dialog.showModal();
    input.focus();
    return;
  }
  dialog.showModal();
  dialog.querySelector<HTMLInputElement>('input[type=search]')?.select();
}
