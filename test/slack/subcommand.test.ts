import { describe, expect, it } from 'vitest';
import { channelOf, parseSubcommand } from '../../src/adapters/slack/handlers/subcommand.ts';

describe('parseSubcommand', () => {
  it('GIVEN no text or help THEN help; GIVEN an unknown word THEN unknown, with the word', () => {
    expect(parseSubcommand('')).toEqual({ name: 'help' });
    expect(parseSubcommand('  HELP ')).toEqual({ name: 'help' });
    expect(parseSubcommand('dance now')).toEqual({ name: 'unknown', word: 'dance' });
  });

  it('GIVEN quiz with or without a deck THEN the deck id, lowercased', () => {
    const quiz = { name: 'quiz', tag: null, practice: false };
    expect(parseSubcommand('quiz')).toEqual({ ...quiz, deck: null });
    expect(parseSubcommand('quiz Docker')).toEqual({ ...quiz, deck: 'docker' });
  });

  it('GIVEN quiz practice, a deck and a #tag THEN each is read, in any order after practice', () => {
    expect(parseSubcommand('quiz #networking')).toEqual({
      name: 'quiz',
      deck: null,
      tag: 'networking',
      practice: false,
    });
    expect(parseSubcommand('quiz practice #net docker')).toEqual({
      name: 'quiz',
      deck: 'docker',
      tag: 'net',
      practice: true,
    });
    expect(parseSubcommand('quiz practice')).toEqual({ name: 'quiz', deck: null, tag: null, practice: true });
  });

  it('GIVEN deck leeches or settings suspended THEN each is read', () => {
    expect(parseSubcommand('deck leeches')).toEqual({ name: 'deck-leeches' });
    expect(parseSubcommand('settings suspended')).toEqual({ name: 'settings-suspended' });
    expect(parseSubcommand('deck burn')).toEqual({ name: 'unknown', word: 'deck burn' });
  });

  it('GIVEN privacy export or delete, or settings leaderboard off|on THEN each is read; anything else is unknown', () => {
    expect(parseSubcommand('privacy export')).toEqual({ name: 'privacy-export' });
    expect(parseSubcommand('Privacy DELETE')).toEqual({ name: 'privacy-delete' });
    expect(parseSubcommand('privacy')).toEqual({ name: 'unknown', word: 'privacy' });
    expect(parseSubcommand('privacy delete now')).toEqual({ name: 'unknown', word: 'privacy delete now' });
    expect(parseSubcommand('settings')).toEqual({ name: 'settings' });
    expect(parseSubcommand('settings Reschedule')).toEqual({ name: 'reschedule' });
    expect(parseSubcommand('settings reschedule now')).toMatchObject({ name: 'unknown' });
    expect(parseSubcommand('settings leaderboard off')).toEqual({
      name: 'leaderboard-visibility',
      hidden: true,
    });
    expect(parseSubcommand('settings leaderboard ON')).toEqual({
      name: 'leaderboard-visibility',
      hidden: false,
    });
    expect(parseSubcommand('settings leaderboard maybe')).toEqual({
      name: 'unknown',
      word: 'settings leaderboard maybe',
    });
  });

  it('GIVEN leaderboard THEN the week unless month or all is asked for', () => {
    expect(parseSubcommand('leaderboard')).toEqual({ name: 'leaderboard', period: 'week' });
    expect(parseSubcommand('leaderboard all')).toEqual({ name: 'leaderboard', period: 'all' });
    expect(parseSubcommand('leaderboard yesterday')).toEqual({ name: 'leaderboard', period: 'week' });
  });

  it('GIVEN daily with an escaped channel, a time, a time zone and a deck THEN each is read', () => {
    expect(parseSubcommand('daily <#C0123ABC|general> 9:05 Europe/Berlin docker')).toEqual({
      name: 'daily-set',
      channelId: 'C0123ABC',
      localTime: '09:05',
      timeZone: 'Europe/Berlin',
      deck: 'docker',
      language: null,
    });
    expect(parseSubcommand('daily <#C0123ABC|general> 17:00 docker')).toMatchObject({
      timeZone: null,
      deck: 'docker',
    });
    expect(parseSubcommand('daily <#C0123ABC|general> 17:00 UTC')).toMatchObject({
      timeZone: 'UTC',
      deck: null,
    });
    expect(parseSubcommand('daily <#C0123ABC|general> 17:00 Mars/Base')).toMatchObject({
      timeZone: 'Mars/Base',
    });
  });

  it('GIVEN daily with lang:<code> anywhere after the channel THEN that language; an unknown one is the usage', () => {
    expect(parseSubcommand('daily <#C0123ABC|general> 9:05 lang:es docker')).toMatchObject({
      name: 'daily-set',
      localTime: '09:05',
      timeZone: null,
      deck: 'docker',
      language: 'es',
    });
    expect(parseSubcommand('daily <#C0123ABC|general> 9:05 Europe/Berlin docker LANGUAGE=ja')).toMatchObject({
      timeZone: 'Europe/Berlin',
      deck: 'docker',
      language: 'ja',
    });
    expect(parseSubcommand('daily <#C0123ABC|general> 9:05 lang:fr')).toEqual({ name: 'daily-usage' });
  });

  it('GIVEN daily off, daily list, or a channel Slack did not link THEN off, list, or the usage', () => {
    expect(parseSubcommand('daily off <#G0PRIVATE|>')).toEqual({ name: 'daily-off', channelId: 'G0PRIVATE' });
    expect(parseSubcommand('daily list')).toEqual({ name: 'daily-list' });
    expect(parseSubcommand('daily #general 09:00')).toEqual({ name: 'daily-usage' });
    expect(parseSubcommand('daily <#C0123ABC|general>')).toEqual({ name: 'daily-usage' });
    expect(parseSubcommand('daily')).toEqual({ name: 'daily-usage' });
  });

  it('GIVEN channel tokens THEN only Slack channel links are channels', () => {
    expect(channelOf('<#C0123ABC>')).toBe('C0123ABC');
    expect(channelOf('<@U0123ABC>')).toBeNull();
    expect(channelOf('<#C0123ABC|x> extra')).toBeNull();
  });
});
