/** The topic colours, made from content/topics.yaml by src/integrations/topic-colours.ts. */
declare module 'virtual:topic-colours.css';
