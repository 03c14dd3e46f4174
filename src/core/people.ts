/** A community the bot serves: a Discord server, a Slack workspace, the console. */
export interface Place {
  tenantId: string;
  platform: string;
  name?: string;
}

/** Who is answering, as the platform knows them. */
export interface Person {
  platform: string;
  externalId: string;
  displayName?: string;
}
