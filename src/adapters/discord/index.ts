export {
  createDiscordAdapter,
  type DiscordAdapter,
  type DiscordAdapterDeps,
  INTERACTIONS_PATH,
} from './adapter.ts';
export { registerDiscordCommands } from './commands.ts';
