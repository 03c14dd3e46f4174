import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { Actor } from '../../core/community/community.ts';
import type { Person, Place } from '../../core/people.ts';
import type { InteractionBase } from './interaction.ts';

export const PLATFORM = 'discord';

/** A Discord server as a Mnemo community: settings, dailies and leaderboards belong to it. */
export function serverPlace(guildId: string): Place {
  return { tenantId: `${PLATFORM}:${guildId}`, platform: PLATFORM };
}

/** The server an interaction comes from; null in a DM or a server that has not installed Mnemo. */
export function placeOf(interaction: InteractionBase): Place | null {
  return interaction.guildId === null ? null : serverPlace(interaction.guildId);
}

/**
 * Where a person reviews outside any server that installed Mnemo (a DM, a server reached by user install):
 * one place for every such person. It owns no deck and hides none, so it sees everyone's decks only, and
 * no guild id parses out of it, so nothing is delivered to it.
 */
export const PERSONAL_PLACE: Place = { tenantId: `${PLATFORM}:personal`, platform: PLATFORM };

/** The guild id of a Mnemo tenant id, or null when the tenant is not a Discord server. */
export function guildIdOf(tenantId: string): string | null {
  const match = /^discord:(\d+)$/.exec(tenantId);
  return match?.[1] ?? null;
}

/** A user id is global on Discord, so a person's progress follows them from server to server. */
export function personOf(interaction: InteractionBase): Person {
  return { platform: PLATFORM, externalId: interaction.user.id, displayName: interaction.user.displayName };
}

/**
 * The person with their right to manage this server, read from the member's permissions in this very
 * interaction: a command's default_member_permissions can be overridden by a server's admins.
 */
export function actorOf(interaction: InteractionBase): Actor {
  return { ...personOf(interaction), isAdmin: canManageServer(interaction.memberPermissions) };
}

/** Manage Server, or Administrator (which implies it). */
export function canManageServer(permissions: string | null): boolean {
  if (permissions === null) return false;
  return (BigInt(permissions) & (PermissionFlagsBits.ManageGuild | PermissionFlagsBits.Administrator)) !== 0n;
}
