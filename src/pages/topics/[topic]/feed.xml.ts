/** The Atom feed of one topic: follow it to hear of its new papers. */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { SITE_TITLE } from '../../../consts.ts';
import { atomFeed, feedResponse } from '../../../site/feed.ts';
import { papersByTopic } from '../../../site/papers.ts';
import { allTopics } from '../../../lib/taxonomy.ts';
import { siteTaxonomy } from '../../../site/data-files.ts';
import { topicFeedHref, topicHref } from '../../../site/urls.ts';

export const getStaticPaths = (async () => {
  const byTopic = await papersByTopic();
  return allTopics(siteTaxonomy()).map((topic) => ({
    params: { topic: topic.slug },
    props: { topic, papers: byTopic.get(topic.slug) ?? [] },
  }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props: { topic, papers }, site }) =>
  feedResponse(
    atomFeed(
      {
        title: `${topic.name} · ${SITE_TITLE}`,
        subtitle: topic.description,
        pageHref: topicHref(topic.slug),
        feedHref: topicFeedHref(topic.slug),
      },
      papers,
      site,
    ),
  );
