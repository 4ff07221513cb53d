/**
 * `<search-box>`: the search UI as a custom element. Its markup — input, filters, status,
 * results and the template of one result — is rendered by `components/search/SearchBox.astro`;
 * this class only finds those parts, holds the state and fills in results. Two modes: `page`
 * (the search page: filters, state mirrored in the URL) and `dialog` (the modal on every page).
 */
import { excerptNodes, resultExcerpt } from './excerpt.ts';
import {
  loadPagefind,
  type Pagefind,
  type PagefindOptions,
  type PagefindResultData,
  type PagefindSearch,
} from './pagefind-api.ts';
import { SEARCH_SETTINGS } from './settings.ts';
import { SORTS, stateFromUrl, stateQuery, type SearchState } from './state.ts';
import { candidateQueries, type Vocabulary } from './suggest.ts';

let vocabulary: Promise<Vocabulary> | undefined;

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
  #sort?: HTMLSelectElement;
  #fullLink?: HTMLAnchorElement;
  #pagefind?: Pagefind;
  /** Increases with each search, so that a slow older search never overwrites a newer one. */
  #generation = 0;
  #current?: PagefindSearch;
  #shown = 0;
  #timer?: ReturnType<typeof setTimeout>;
  /** Whether the filter index is wanted: it is fetched only when the reader turns to the filters. */
  #countsWanted = false;
  #connected = false;

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
    this.#sort = this.#optionalPart('sort');
    this.#fullLink = this.#optionalPart('full-link');

    const initial =
      this.#mode === 'page' ? stateFromUrl(new URL(location.href)) : { q: '', topic: '', tag: '', sort: '' as const };
    this.#input.value = initial.q;
    if (this.#topic) this.#topic.value = initial.topic;
    if (this.#tag) this.#tag.value = initial.tag;
    if (this.#sort) this.#sort.value = initial.sort;
    this.#countsWanted = Boolean(initial.topic || initial.tag);
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

  #state(): SearchState {
    const sort = (this.#sort?.value ?? '') as SearchState['sort'];
    return {
      q: this.#input.value.trim(),
      topic: this.#topic?.value ?? '',
      tag: this.#tag?.value ?? '',
      sort: SORTS.has(sort) ? sort : '',
    };
  }

  #wire(): void {
    this.#input.addEventListener('input', () => {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => void this.run(), SEARCH_SETTINGS.debounceMs);
    });
    // Keyboard: ↓ from the input enters the results; ↑/↓ move between them; ↑ from the first returns.
    this.#input.addEventListener('keydown', (event) => {
      const first = this.#links()[0];
      if (event.key === 'ArrowDown' && first) {
        event.preventDefault();
        first.focus();
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
    for (const control of [this.#topic, this.#tag, this.#sort])
      control?.addEventListener('change', () => void this.run());
    // The reader turns to the filters: fetch the filter index so the lists show counts.
    for (const control of [this.#topic, this.#tag]) {
      control?.addEventListener('focus', () => {
        if (this.#countsWanted) return;
        this.#countsWanted = true;
        void this.run();
      });
    }
    this.#more.addEventListener('click', () => this.#current && void this.#render(this.#current, this.#generation));
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

  /** Runs the search for the current state and shows its first results. */
  async run(): Promise<void> {
    const mine = ++this.#generation;
    const state = this.#state();
    this.#publish(state);
    this.#pagefind ??= await loadPagefind(this.#base, document.documentElement.dataset.highlightParam ?? 'highlight');
    const pagefind = this.#pagefind;
    if (this.#countsWanted) await pagefind.filters(); // loads the filter index once; searches then count
    const browsing = !state.q && (state.topic || state.tag);
    this.#suggestion.hidden = true;
    if (!state.q && !browsing) {
      const counts = this.#countsWanted ? await pagefind.filters() : {};
      if (mine !== this.#generation) return;
      this.#fillFilters(counts, state);
      this.#results.replaceChildren();
      this.#more.hidden = true;
      this.#status.textContent = 'Type to search titles, abstracts, authors and arXiv ids.';
      return;
    }
    const search = await pagefind.search(state.q || null, this.#options(state));
    if (mine !== this.#generation) return;
    this.#current = search;
    // Results, filters and the status line change together, once the first batch is ready.
    if (!(await this.#render(search, mine, true))) return;
    this.#fillFilters(search.filters, state);
    const n = search.results.length;
    const what = state.q ? `for “${state.q}”` : 'in this selection';
    this.#status.textContent = n === 0 ? `No results ${what}.` : `${n} ${n === 1 ? 'result' : 'results'} ${what}.`;
    // Pagefind has no typo tolerance: a word the collection does not know gets a correction offer.
    if (state.q) await this.#suggest(state, mine);
  }

  /**
   * Shows, in each filter list, how many results each topic or tag holds, and only those the
   * results contain; before the filter index is loaded, every name without a count.
   */
  #fillFilters(counts: PagefindSearch['filters'], state: SearchState): void {
    const fill = (
      control: HTMLSelectElement | undefined,
      byName: Record<string, number> | undefined,
      wanted: string,
    ) => {
      if (!control) return;
      const known = byName !== undefined && Object.keys(byName).length > 0;
      for (const option of control.options) {
        if (!option.value) continue;
        const count = byName?.[option.value];
        option.hidden = known && !count && option.value !== wanted;
        option.textContent = count ? `${option.value} (${count})` : option.value;
      }
      control.value = wanted;
    };
    fill(this.#topic, counts.topic, state.topic);
    fill(this.#tag, counts.tag, state.tag);
  }

  #options(state: SearchState): PagefindOptions {
    const options: PagefindOptions = { filters: {} };
    if (state.topic) options.filters!.topic = state.topic;
    if (state.tag) options.filters!.tag = state.tag;
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
  async #render(search: PagefindSearch, mine: number, replace = false): Promise<boolean> {
    const from = replace ? 0 : this.#shown;
    const batch = await Promise.all(search.results.slice(from, from + SEARCH_SETTINGS.batchSize).map((r) => r.data()));
    if (mine !== this.#generation) return false;
    const items = batch.map((data) => this.#result(data));
    if (replace) this.#results.replaceChildren(...items);
    else this.#results.append(...items);
    this.#shown = from + batch.length;
    this.#more.hidden = this.#shown >= search.results.length;
    return true;
  }

  /** One result from the template: title, topic and tags, and an excerpt of the paper's own words. */
  #result(data: PagefindResultData): DocumentFragment {
    const item = this.#resultTemplate.content.cloneNode(true) as DocumentFragment;
    item.querySelector('a')!.href = data.url;
    item.querySelector('[data-part="title"]')!.textContent = data.meta.title ?? data.url;
    item.querySelector('[data-part="meta"]')!.textContent = [data.meta.topic, ...(data.filters.tag ?? [])]
      .filter(Boolean)
      .join(' · ');
    item.querySelector('[data-part="excerpt"]')!.append(...excerptNodes(resultExcerpt(data)));
    return item;
  }
}
