/** The Atom feed of one tag: follow it to hear of its new papers. */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { SITE_TITLE } from '../../../consts.ts';
import { atomFeed, feedResponse } from '../../../site/feed.ts';
import { papersByTag } from '../../../site/papers.ts';
import { siteTaxonomy } from '../../../site/data-files.ts';
import { tagFeedHref, tagHref } from '../../../site/urls.ts';

export const getStaticPaths = (async () => {
  const byTag = await papersByTag();
  return siteTaxonomy()
    .tags.filter((tag) => byTag.has(tag.slug))
    .map((tag) => ({ params: { tag: tag.slug }, props: { tag, papers: byTag.get(tag.slug)! } }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props: { tag, papers }, site }) =>
  feedResponse(
    atomFeed(
      {
        title: `Tag: ${tag.name} · ${SITE_TITLE}`,
        subtitle: `Papers tagged ${tag.name} (also: ${tag.variants.join(', ')}).`,
        pageHref: tagHref(tag.slug),
        feedHref: tagFeedHref(tag.slug),
      },
      papers,
      site,
    ),
  );
