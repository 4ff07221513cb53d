/**
 * `<search-box>`: the search UI as a custom element. Its markup — input, filters, status,
 * results and the template of one result — is rendered by `components/search/SearchBox.astro`;
 * this class only finds those parts, holds the state and fills in results. Two modes: `page`
 * (the search page: filters, state mirrored in the URL) and `dialog` (the modal on every page:
 * an order, and Enter opens the first result).
 */
import { excerptNodes, resultExcerpt } from './excerpt.ts';
import { findPapers, shownResult, type Found, type Hit } from './match.ts';
import {
  loadPagefind,
  type Pagefind,
  type PagefindOptions,
  type PagefindResultData,
  type PagefindSearch,
} from './pagefind-api.ts';
import { download, resultsBibtex } from './export.ts';
import { SEARCH_SETTINGS } from './settings.ts';
import { EMPTY_STATE, SORTS, stateFromUrl, stateQuery, yearsBetween, type SearchState } from './state.ts';
import { candidateQueries, type Vocabulary } from './suggest.ts';

let vocabulary: Promise<Vocabulary> | undefined;

/** A search whose results are shown: what it found, its options, the searches made to show them. */
interface Shown {
  found: Found;
  options: PagefindOptions;
  searches: Map<string, Promise<PagefindSearch>>;
}

export class SearchBox extends HTMLElement {
  #base = '/';
  #mode: 'page' | 'dialog' = 'dialog';
  #input!: HTMLInputElement;
  #status!: HTMLElement;
  #results!: HTMLOListElement;
  #more!: HTMLButtonElement;
  #suggestion!: HTMLElement;
  #suggestionLink!: HTMLAnchorElement;
  #resultTemplate!: HTMLTemplateElement;
  #topic?: HTMLSelectElement;
  #tag?: HTMLSelectElement;
  #from?: HTMLSelectElement;
  #to?: HTMLSelectElement;
  #sort?: HTMLSelectElement;
  #fullLink?: HTMLAnchorElement;
  /** The years the collection has (the year lists' options). */
  #years: string[] = [];
  #pagefind?: Pagefind;
  /** Increases with each search, so that a slow older search never overwrites a newer one. */
  #generation = 0;
  /** The search running or last run, settled when its first results are shown. */
  #running: Promise<void> = Promise.resolve();
  #current?: Shown;
  #shown = 0;
  #timer?: ReturnType<typeof setTimeout>;
  /** Whether the filter index is wanted: it is fetched only when the reader turns to the filters. */
  #countsWanted = false;
  #connected = false;
  /** The search page's export of its results (absent in the dialog). */
  #export: HTMLElement | undefined;

  connectedCallback(): void {
    if (this.#connected) return;
    this.#connected = true;
    this.#base = document.documentElement.dataset.base ?? '/';
    this.#mode = this.dataset.mode === 'page' ? 'page' : 'dialog';
    this.#input = this.#part('input');
    this.#status = this.#part('status');
    this.#results = this.#part('results');
    this.#more = this.#part('more');
    this.#suggestion = this.#part('suggestion');
    this.#suggestionLink = this.#part('suggestion-link');
    this.#resultTemplate = this.#part('result-template');
    this.#topic = this.#optionalPart('topic');
    this.#tag = this.#optionalPart('tag');
    this.#from = this.#optionalPart('from');
    this.#to = this.#optionalPart('to');
    this.#sort = this.#optionalPart('sort');
    this.#fullLink = this.#optionalPart('full-link');
    this.#export = this.#optionalPart('export');
    this.#years = [...(this.#from?.options ?? [])].map((option) => option.value).filter(Boolean);

    const initial = this.#mode === 'page' ? stateFromUrl(new URL(location.href)) : EMPTY_STATE;
    this.#input.value = initial.q;
    for (const [control, value] of this.#controls(initial)) if (control) control.value = value;
    this.#countsWanted = Boolean(initial.topic || initial.tag || initial.from || initial.to);
    this.#wire();
    // Searching is live: the form's button is only for readers without JavaScript.
    this.querySelector('form')?.addEventListener('submit', (event) => event.preventDefault());
    this.#optionalPart('submit')?.setAttribute('hidden', '');
    this.#optionalPart('filters')?.removeAttribute('hidden');
    // The dialog's box searches once it is opened (`focusInput`), the page's at once.
    if (this.#mode === 'page') {
      void this.run();
      this.#input.focus();
    }
  }

  /** Focuses the input with its text selected; the dialog calls it each time it opens. */
  focusInput(): void {
    if (!this.#pagefind) void this.run();
    this.#input.focus();
    this.#input.select();
  }

  #part<T extends Element>(name: string): T {
    const found = this.#optionalPart<T>(name);
    if (!found) throw new Error(`<search-box> is missing its [data-part="${name}"]`);
    return found;
  }

  #optionalPart<T extends Element>(name: string): T | undefined {
    return this.querySelector<T>(`[data-part="${name}"]`) ?? undefined;
  }

  /** Each filter list with its value in `state`. */
  #controls(state: SearchState): [HTMLSelectElement | undefined, string][] {
    return [
      [this.#topic, state.topic],
      [this.#tag, state.tag],
      [this.#from, state.from],
      [this.#to, state.to],
      [this.#sort, state.sort],
    ];
  }

  #state(): SearchState {
    const sort = (this.#sort?.value ?? '') as SearchState['sort'];
    return {
      q: this.#input.value.trim(),
      topic: this.#topic?.value ?? '',
      tag: this.#tag?.value ?? '',
      from: this.#from?.value ?? '',
      to: this.#to?.value ?? '',
      sort: SORTS.has(sort) ? sort : '',
    };
  }

  #wire(): void {
    this.#input.addEventListener('input', () => {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => void this.run(), SEARCH_SETTINGS.debounceMs);
    });
    // Keyboard: ↓ from the input enters the results; ↑/↓ move between them; ↑ from the first
    // returns. In the dialog, Enter in the input opens the first result.
    this.#input.addEventListener('keydown', (event) => {
      const first = this.#links()[0];
      if (event.key === 'ArrowDown' && first) {
        event.preventDefault();
        first.focus();
      } else if (event.key === 'Enter' && this.#mode === 'dialog' && !event.isComposing) {
        event.preventDefault();
        void this.#openFirst();
      }
    });
    this.#results.addEventListener('keydown', (event) => {
      const links = this.#links();
      const index = links.indexOf(document.activeElement as HTMLAnchorElement);
      if (event.key === 'ArrowDown' && index < links.length - 1) {
        event.preventDefault();
        links[index + 1]!.focus();
      } else if (event.key === 'ArrowUp') {
        event.preventDefault();
        (index > 0 ? links[index - 1]! : this.#input).focus();
      }
    });
    for (const [control] of this.#controls(EMPTY_STATE)) control?.addEventListener('change', () => void this.run());
    // The reader turns to the filters: fetch the filter index so the lists show counts.
    for (const control of [this.#topic, this.#tag, this.#from, this.#to]) {
      control?.addEventListener('focus', () => {
        if (this.#countsWanted) return;
        this.#countsWanted = true;
        void this.run();
      });
    }
    this.#more.addEventListener('click', () => this.#current && void this.#render(this.#current, this.#generation));
    this.#export
      ?.querySelector('[data-part="export-button"]')
      ?.addEventListener('click', () => void this.#exportResults());
    this.#suggestionLink.addEventListener('click', (event) => {
      event.preventDefault();
      this.#input.value = this.#suggestionLink.textContent ?? '';
      this.#input.focus();
      void this.run();
    });
  }

  #links(): HTMLAnchorElement[] {
    return [...this.#results.querySelectorAll<HTMLAnchorElement>('a')];
  }

  /**
   * Enter in the dialog: the search for what is typed (at once, not after the pause), then its
   * first result; with no result, the search page, which says why and may offer a correction.
   */
  async #openFirst(): Promise<void> {
    if (this.#timer !== undefined || this.#current === undefined) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
      void this.run();
    }
    await this.#running;
    const target = this.#links()[0] ?? this.#fullLink;
    if (target && this.#input.value.trim()) location.assign(target.href);
  }

  /** Runs the search for the current state and shows its first results. */
  run(): Promise<void> {
    this.#timer = undefined;
    this.#running = this.#search();
    return this.#running;
  }

  async #search(): Promise<void> {
    const mine = ++this.#generation;
    const state = this.#state();
    this.#publish(state);
    this.#pagefind ??= await loadPagefind(this.#base, document.documentElement.dataset.highlightParam ?? 'highlight');
    const pagefind = this.#pagefind;
    if (this.#countsWanted) await pagefind.filters(); // loads the filter index once; searches then count
    const options = this.#options(state);
    const browsing = !state.q && Object.keys(options.filters!).length > 0;
    this.#suggestion.hidden = true;
    if (!state.q && !browsing) {
      const counts = this.#countsWanted ? await pagefind.filters() : {};
      if (mine !== this.#generation) return;
      this.#fillFilters(counts, state);
      this.#results.replaceChildren();
      this.#more.hidden = true;
      if (this.#export) this.#export.hidden = true;
      this.#current = undefined;
      this.#status.textContent = 'Type to search titles, abstracts, authors and arXiv ids.';
      return;
    }
    const found: Found = state.q
      ? await findPapers(pagefind, state.q, options)
      : await pagefind.search(null, options).then((search) => ({
          mode: search.results.length > 0 ? 'all' : 'none',
          hits: search.results.map((result) => ({ result })),
          filters: search.filters,
          dropped: [],
          unknown: [],
        }));
    if (mine !== this.#generation) return;
    const counts = this.#countsWanted ? await this.#counts(found, state, options) : {};
    if (mine !== this.#generation) return;
    this.#current = { found, options, searches: new Map() };
    // Results, filters and the status line change together, once the first batch is ready.
    if (!(await this.#render(this.#current, mine, true))) return;
    this.#fillFilters(counts, state);
    this.#status.textContent = this.#statusText(found, state);
    if (this.#export) this.#export.hidden = found.hits.length === 0;
    // Pagefind has no typo tolerance: a word no paper has whole may get a correction offer. Only
    // then is the vocabulary fetched.
    if (found.unknown.length > 0) await this.#suggest(state, mine);
  }

  /**
   * Downloads the BibTeX of every paper the current search found (not only those shown), in the
   * order shown, from the collection's export.
   */
  async #exportResults(): Promise<void> {
    const current = this.#current;
    const status = this.#export?.querySelector('[data-part="export-status"]');
    if (!current || !status) return;
    status.textContent = 'Preparing…';
    try {
      const [collection, pages] = await Promise.all([
        fetch(`${this.#base}papers.bib`).then((response) => {
          if (!response.ok) throw new Error(`papers.bib: HTTP ${response.status}`);
          return response.text();
        }),
        Promise.all(current.found.hits.map(async (hit) => (await hit.result.data()).url)),
      ]);
      const text = resultsBibtex(collection, pages, this.#input.value);
      download(text, 'search-results.bib', 'application/x-bibtex');
      status.textContent = `${pages.length} ${pages.length === 1 ? 'entry' : 'entries'} saved as search-results.bib.`;
    } catch (error) {
      status.textContent = `The export failed (${(error as Error).message}); the list pages have their own.`;
    }
  }

  #statusText(found: Found, state: SearchState): string {
    const what = state.q ? `for “${state.q}”` : 'in this selection';
    const some = found.hits.filter((hit) => hit.has).length;
    const all = found.hits.length - some;
    const have = (n: number) => `${n} ${n === 1 ? 'paper has' : 'papers have'}`;
    if (found.mode === 'none') return `No results ${what}.`;
    if (found.mode === 'some') return `No paper has all of “${state.q}”; ${have(some)} most of them:`;
    const results = `${all} ${all === 1 ? 'result' : 'results'} ${what}`;
    return some > 0
      ? `${results}; ${have(some).replace(/^\d+/, (n) => `${n} more`)} most of its words.`
      : `${results}.`;
  }

  /**
   * How many results each topic, tag and year would leave. Pagefind counts its own results: the
   * papers it found only through a field that does not count are taken off. The years are counted
   * without the year range, so that the lists show what choosing another year would give.
   */
  async #counts(found: Found, state: SearchState, options: PagefindOptions): Promise<PagefindSearch['filters']> {
    if (found.mode === 'some') return {};
    const counts = structuredClone(found.filters);
    if (options.filters!.year) {
      const { year: _year, ...others } = options.filters!;
      const wider = await this.#pagefind!.search(state.q || null, { filters: others });
      if (wider.filters.year) counts.year = wider.filters.year;
    }
    for (const result of found.dropped.slice(0, SEARCH_SETTINGS.batchSize * 2)) {
      const { filters } = await result.data();
      for (const [name, values] of Object.entries(filters)) {
        for (const value of values) if (counts[name]?.[value]) counts[name][value]--;
      }
    }
    return counts;
  }

  /**
   * Shows, in each filter list, how many results each topic, tag or year holds; topics and tags
   * that hold none are hidden (years stay: they bound a range). Before the filter index is
   * loaded, every name without a count.
   */
  #fillFilters(counts: PagefindSearch['filters'], state: SearchState): void {
    const fill = (
      control: HTMLSelectElement | undefined,
      byName: Record<string, number> | undefined,
      wanted: string,
      hideEmpty: boolean,
    ) => {
      if (!control) return;
      const known = byName !== undefined && Object.keys(byName).length > 0;
      for (const option of control.options) {
        if (!option.value) continue;
        const count = byName?.[option.value];
        option.hidden = hideEmpty && known && !count && option.value !== wanted;
        option.textContent = count ? `${option.value} (${count})` : option.value;
      }
      control.value = wanted;
    };
    fill(this.#topic, counts.topic, state.topic, true);
    fill(this.#tag, counts.tag, state.tag, true);
    fill(this.#from, counts.year, state.from, false);
    fill(this.#to, counts.year, state.to, false);
  }

  #options(state: SearchState): PagefindOptions {
    const filters: NonNullable<PagefindOptions['filters']> = {};
    if (state.topic) filters.topic = state.topic;
    if (state.tag) filters.tag = state.tag;
    const years = yearsBetween(state, this.#years);
    if (years) filters.year = { any: years };
    const options: PagefindOptions = { filters };
    if (state.sort === 'title') options.sort = { title: 'asc' };
    if (state.sort === 'newest') options.sort = { date: 'desc' };
    return options;
  }

  /** Mirrors the state where it is kept: the address bar (page) or the full-search link (dialog). */
  #publish(state: SearchState): void {
    if (this.#mode === 'page') {
      const url = new URL(location.href);
      url.search = stateQuery(state);
      history.replaceState(null, '', url);
    } else if (this.#fullLink) {
      this.#fullLink.href = `${this.#base}search/${stateQuery(state)}`;
    }
  }

  /** Offers the correction of the query that finds the most papers, if a word is unknown and any finds one. */
  async #suggest(state: SearchState, mine: number): Promise<void> {
    vocabulary ??= fetch(`${this.#base}search-vocabulary.json`).then((r) => r.json() as Promise<Vocabulary>);
    const candidates = candidateQueries(state.q, await vocabulary, SEARCH_SETTINGS.maxCorrection);
    let best: { query: string; count: number } | undefined;
    for (const query of candidates) {
      const search = await this.#pagefind!.search(query, this.#options(state));
      if (search.results.length > (best?.count ?? 0)) best = { query, count: search.results.length };
    }
    if (mine !== this.#generation || !best) return;
    this.#suggestionLink.textContent = best.query;
    this.#suggestionLink.href = `${this.#base}search/${stateQuery({ ...state, q: best.query })}`;
    this.#suggestion.hidden = false;
  }

  /** Renders the next batch of results; `replace` starts a new list (a new search). */
  async #render(current: Shown, mine: number, replace = false): Promise<boolean> {
    const { found, options, searches } = current;
    const from = replace ? 0 : this.#shown;
    const hits = found.hits.slice(from, from + SEARCH_SETTINGS.batchSize);
    const batch = await Promise.all(
      hits.map(async (hit) => (await shownResult(this.#pagefind!, hit, options, searches)).data()),
    );
    if (mine !== this.#generation) return false;
    const items = batch.map((data, i) => this.#result(data, hits[i]!));
    if (replace) this.#results.replaceChildren(...items);
    else this.#results.append(...items);
    this.#shown = from + batch.length;
    this.#more.hidden = this.#shown >= found.hits.length;
    return true;
  }

  /**
   * One result from the template: title; byline (as the lists write it: first author, year,
   * venue); topic and tags; for a paper with only some of the words, which it has; and an
   * excerpt of the paper's own words.
   */
  #result(data: PagefindResultData, hit: Hit): DocumentFragment {
    const item = this.#resultTemplate.content.cloneNode(true) as DocumentFragment;
    const part = (name: string) => item.querySelector<HTMLElement>(`[data-part="${name}"]`)!;
    item.querySelector('a')!.href = data.url;
    part('title').textContent = data.meta.title ?? data.url;
    part('byline').textContent = data.meta.byline ?? '';
    part('meta').textContent = [...(data.filters.topic ?? []), ...(data.filters.tag ?? [])].join(' · ');
    if (hit.has && hit.lacks) {
      const words = part('words');
      words.textContent = `Has ${hit.has.join(', ')}${hit.lacks.length > 0 ? ` · not ${hit.lacks.join(', ')}` : ''}`;
      words.hidden = false;
    }
    part('excerpt').append(...excerptNodes(resultExcerpt(data)));
    return item;
  }
}
