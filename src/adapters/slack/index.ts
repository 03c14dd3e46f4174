export { createSlackAdapter, type SlackAdapter, type SlackAdapterDeps } from './adapter.ts';
export { readSlackConfig, type SlackConfig, type SlackEnvironment, slackEnvironment } from './config.ts';
export { SLACK_EVENTS_PATH } from './connection.ts';
