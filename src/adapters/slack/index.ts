export { createSlackAdapter, type SlackAdapter, type SlackAdapterDeps } from './adapter.ts';
export { SLACK_EVENTS_PATH } from './connection.ts';
export { webClientOptions } from './send/slack-api.ts';
