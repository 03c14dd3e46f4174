export { createDiscordAdapter, type DiscordAdapter, type DiscordAdapterDeps } from './adapter.ts';
export { COMMANDS, registerDiscordCommands } from './commands.ts';
export {
  DEFAULT_API_URL,
  type DiscordConfig,
  type DiscordEnvironment,
  discordEnvironment,
  readDiscordConfig,
} from './config.ts';
export { INTERACTIONS_PATH } from './http-endpoint.ts';
