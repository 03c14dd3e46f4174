import { AsyncLocalStorage } from 'node:async_hooks';

/** The bot token of the workspace a request or a delivery belongs to (OAuth installs: one per workspace). */
const workspaceToken = new AsyncLocalStorage<string>();

/** Runs `work` with every Web API call inside it made with `token`. */
export function asWorkspace<T>(token: string, work: () => Promise<T>): Promise<T> {
  return workspaceToken.run(token, work);
}

/** The token of the `asWorkspace` call this runs in, if any. */
export const currentWorkspaceToken = (): string | undefined => workspaceToken.getStore();
