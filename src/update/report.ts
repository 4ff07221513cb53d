/**
 * The report of a run, in Markdown: printed by the command and used as the pull request's body
 * by the scheduled update. It says what was searched, which papers are new (by topic, the ones
 * that would land off-topic apart), which the collection already has, which curators excluded,
 * and what failed. Titles come from outside: they are escaped, so they show as text.
 */
import type { Candidate } from './candidates.ts';

/** What one saved search (or the add command) asked and got. */
export interface QuerySummary {
  name: string;
  /** `arXiv search_query=…`, `Hugging Face q=…`. */
  what: string;
  requests: number;
  /** `100 of 3,456 results; stopped at papers already in the collection`. */
  outcome: string;
}

export interface RunReport {
  command: 'update' | 'add';
  dryRun: boolean;
  /** When the run started (ISO). */
  started: string;
  queries: QuerySummary[];
  candidates: Candidate[];
  /** Arguments of `add` that named no paper, or no paper the APIs know. */
  failed: { what: string; why: string }[];
  /** Entries of a response its reader could not read (left out). */
  unreadable: string[];
  /** What was written (absent on a dry run, or when nothing was new). */
  written?: { sources: string[]; slugs: Map<string, string> };
}

/** Escapes text from outside for Markdown: no markup, links, HTML or @-mentions come of it. */
export function mdText(text: string): string {
  return text
    .replace(/[\\`*_{}[\]<>()#+!|~&]/g, (c) => `\\${c}`)
    .replace(/@/g, '@\u2060')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Text as inline code: shown exactly, never as markup (a backtick in it becomes a quote). */
const codeSpan = (text: string) => `\`${text.replaceAll('`', "'").replace(/\s+/g, ' ')}\``;

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** The link to a paper at its source (arXiv abstract page or DOI), built from a checked id only. */
function paperLink(candidate: Candidate): string {
  if (candidate.arxiv) return `[${candidate.label}](https://arxiv.org/abs/${candidate.arxiv})`;
  if (candidate.doi) return `[${candidate.label}](https://doi.org/${encodeURI(candidate.doi)})`;
  return candidate.label;
}

/** `- id: arXiv:2309.04827`: how a curator names the paper in content/excluded.yaml. */
function exclusionId(candidate: Candidate): string {
  return candidate.arxiv ? `arXiv:${candidate.arxiv}` : (candidate.doi ?? '');
}

/** Renders the report as Markdown. */
export function renderReport(report: RunReport): string {
  const out: string[] = [];
  const fresh = report.candidates.filter((c) => c.verdict.kind === 'new');
  const present = report.candidates.filter((c) => c.verdict.kind === 'present');
  const excluded = report.candidates.filter((c) => c.verdict.kind === 'excluded');
  const onTopic = fresh.filter((c) => !c.placement?.offTopic);
  const offTopic = fresh.filter((c) => c.placement?.offTopic);
  const title =
    report.command === 'update' ? 'New papers from the saved searches' : 'Papers added by hand (`npm run add`)';
  out.push(`# ${title}${report.dryRun ? ' (dry run: nothing written)' : ''}`, '');
  out.push(
    `${count(fresh.length, 'new paper')}${offTopic.length ? ` (${offTopic.length} would land off-topic)` : ''}, ` +
      `${count(present.length, 'already in the collection', 'already in the collection')}, ` +
      `${count(excluded.length, 'excluded by curators', 'excluded by curators')}` +
      `${report.failed.length ? `, ${count(report.failed.length, 'failure')}` : ''}. Run started ${report.started}.`,
    '',
  );

  const slugOf = (c: Candidate) => report.written?.slugs.get(c.key);
  const line = (c: Candidate) => {
    const slug = slugOf(c);
    const tags = c.placement?.tags.length ? ` · tags: ${c.placement.tags.join(', ')}` : '';
    return `- **${mdText(c.title)}** — ${paperLink(c)}${tags} · found by ${c.queries.join(', ')}${slug ? ` → \`papers/${slug}/\`` : ''}`;
  };
  if (onTopic.length > 0) {
    out.push(`## New papers, by topic (${onTopic.length})`, '');
    const topics = [...new Set(onTopic.map((c) => c.placement?.topicName ?? '—'))].sort();
    for (const topic of topics) {
      const inTopic = onTopic.filter((c) => (c.placement?.topicName ?? '—') === topic);
      out.push(`### ${mdText(topic)} (${inTopic.length})`, '', ...inTopic.map(line), '');
    }
  }
  if (offTopic.length > 0) {
    out.push(`## Would land off-topic (${offTopic.length})`, '');
    const bin = offTopic[0]!.placement!.topicName;
    out.push(
      `The keyword rules of \`content/topics.yaml\` find these not about neurons: they would be listed under "${mdText(bin)}". ` +
        'Keep them (merge as is, or give one a topic in `content/curation.yaml`), or keep one out: add it to `content/excluded.yaml` with a reason.',
      '',
    );
    for (const c of offTopic) out.push(line(c), `  - to exclude: \`- id: ${exclusionId(c)}\` with \`reason: …\``);
    out.push('');
  }
  if (excluded.length > 0) {
    out.push(`## Excluded by curators (${excluded.length}): not added`, '');
    for (const c of excluded) {
      const exclusion = c.verdict.kind === 'excluded' ? c.verdict.exclusion : undefined;
      out.push(
        `- ${paperLink(c)} **${mdText(c.title)}** — ${mdText(exclusion?.reason ?? '')} (content/excluded.yaml:${exclusion?.line ?? 0})`,
      );
    }
    out.push('');
  }
  if (report.failed.length > 0) {
    out.push(`## Failed (${report.failed.length})`, '');
    for (const f of report.failed) out.push(`- ${codeSpan(f.what)}: ${mdText(f.why)}`);
    out.push('');
  }
  if (present.length > 0) {
    out.push(`## Already in the collection (${present.length})`, '');
    // A search finds many known papers: folded away. Papers named to `add` are few: shown.
    const fold = report.command === 'update';
    const shown = present.slice(0, 300);
    if (fold) out.push('<details><summary>Found again, left as they are</summary>', '');
    for (const c of shown)
      out.push(`- ${paperLink(c)} → \`papers/${c.verdict.kind === 'present' ? c.verdict.slug : ''}/\``);
    if (present.length > shown.length) out.push(`- … and ${present.length - shown.length} more`);
    out.push('', ...(fold ? ['</details>', ''] : []));
  }
  if (report.unreadable.length > 0) {
    out.push(`## Entries that could not be read (${report.unreadable.length}), left out`, '');
    for (const u of report.unreadable.slice(0, 50)) out.push(`- ${mdText(u)}`);
    out.push('');
  }
  if (report.queries.length > 0) {
    out.push('## Searches', '');
    for (const q of report.queries)
      out.push(`- **${q.name}** (${codeSpan(q.what)}): ${count(q.requests, 'request')}; ${mdText(q.outcome)}`);
    out.push('');
  }
  if (report.written) {
    out.push('## Written', '');
    if (report.written.sources.length === 0) out.push('Nothing: no paper was new.');
    else {
      out.push(`${count(report.written.sources.length, 'file')} under \`content/sources/\`, then the ingest:`, '');
      for (const file of report.written.sources) out.push(`- \`${file}\``);
    }
    out.push('');
  }
  if (report.command === 'update' && fresh.length > 0 && !report.dryRun) {
    out.push(
      '## Reviewing',
      '',
      'Is each new paper about neurons, and in the right topic? To keep one out, add it to `content/excluded.yaml` on `main` and run the workflow again; ' +
        'to move one, merge, then give its slug a topic in `content/curation.yaml`. Merging publishes the papers. (README, "A living collection".)',
      '',
    );
  }
  return `${out.join('\n').trimEnd()}\n`;
}
