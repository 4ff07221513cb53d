/**
 * `papers.bib` and `papers.csl.json` beside every list (the collection, a topic, a tag, an
 * author): its papers as one file for a reference manager (`site/exports.ts`).
 */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { exportLists } from '../../site/export-lists.ts';
import { bibtexExport, bibtexResponse, cslExport, cslResponse } from '../../site/exports.ts';

export const getStaticPaths = (async () =>
  (await exportLists()).flatMap((list) =>
    list.formats.map((format) => ({
      params: { list: list.path.replace(/\/$/, '') || undefined, format },
      props: { list, format },
    })),
  )) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props: { list, format } }) =>
  format === 'bib' ? bibtexResponse(bibtexExport(list.papers, list.what)) : cslResponse(cslExport(list.papers));
