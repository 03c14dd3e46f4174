import { PermissionFlagsBits } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { canManageServer } from '../../src/adapters/discord/identity.ts';

const bits = (...flags: bigint[]) => String(flags.reduce((all, flag) => all | flag, 0n));

describe('canManageServer', () => {
  it('GIVEN Manage Server among other permissions THEN the member may change server settings', () => {
    expect(canManageServer(bits(PermissionFlagsBits.SendMessages, PermissionFlagsBits.ManageGuild))).toBe(
      true,
    );
  });

  it('GIVEN Administrator alone THEN the member may too: it implies every permission', () => {
    expect(canManageServer(bits(PermissionFlagsBits.Administrator))).toBe(true);
  });

  it('GIVEN neither, or no permissions in the payload (a DM) THEN the member may not', () => {
    expect(canManageServer(bits(PermissionFlagsBits.SendMessages, PermissionFlagsBits.ManageChannels))).toBe(
      false,
    );
    expect(canManageServer('0')).toBe(false);
    expect(canManageServer(null)).toBe(false);
  });
});
