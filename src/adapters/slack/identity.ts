import type { Person, Place } from '../../core/people.ts';

export const SLACK = 'slack';

/**
 * A workspace. Every row is keyed by the workspace's team id, so that installing into more workspaces (OAuth)
 * later changes no stored meaning.
 */
export function placeOf(teamId: string, name?: string): Place {
  return { tenantId: `${SLACK}:${teamId}`, platform: SLACK, ...(name ? { name } : {}) };
}

/** A person as one workspace knows them: Slack user ids are only unique within a workspace. */
export function personOf(teamId: string, userId: string, displayName?: string): Person {
  return { platform: SLACK, externalId: `${teamId}:${userId}`, ...(displayName ? { displayName } : {}) };
}

/** The Slack user id inside a person's external id (`T…:U…`). */
export function userIdOf(externalId: string): string {
  return externalId.slice(externalId.indexOf(':') + 1);
}

/** Who acts, and where, as a click or a form submission names them. */
export function actorOf(
  team: { id: string; domain?: string | undefined },
  user: { id: string; username?: string | undefined; name?: string | undefined },
): { place: Place; person: Person } {
  return {
    place: placeOf(team.id, team.domain),
    person: personOf(team.id, user.id, user.username ?? user.name),
  };
}
