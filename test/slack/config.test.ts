import { SocketModeReceiver } from '@slack/bolt';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { chooseReceiver } from '../../src/adapters/slack/connection.ts';
import { SlackHttpReceiver } from '../../src/adapters/slack/http/receiver.ts';
import { readSlackConfig, slackEnvironment } from '../../src/config/slack.ts';
import { TestClock } from '../support/fixtures.ts';

const schema = z.object(slackEnvironment);
const read = (env: Record<string, string>) => readSlackConfig(schema.parse(env));
const OAUTH = {
  SLACK_CLIENT_ID: '1.2',
  SLACK_CLIENT_SECRET: 'cs',
  SLACK_STATE_SECRET: 'a-state-secret-of-length',
  MNEMO_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
};

describe('readSlackConfig', () => {
  it('GIVEN no Slack variables THEN Slack is not configured', () => {
    expect(read({})).toBeNull();
    expect(read({ SLACK_BOT_TOKEN: '  ' })).toBeNull();
  });

  it('GIVEN a bot token and a signing secret THEN HTTP mode with /mnemo on slack.com', () => {
    expect(read({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's3cret' })).toEqual({
      botToken: 'xoxb-1',
      oauth: null,
      connection: { mode: 'http', signingSecret: 's3cret' },
      command: '/mnemo',
      apiUrl: 'https://slack.com/api/',
    });
  });

  it('GIVEN an app token THEN Socket Mode, and SLACK_COMMAND and SLACK_API_URL are taken (with a trailing /)', () => {
    expect(
      read({
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_APP_TOKEN: 'xapp-1',
        SLACK_COMMAND: '/quiz',
        SLACK_API_URL: 'http://127.0.0.1:9999/api',
      }),
    ).toEqual({
      botToken: 'xoxb-1',
      oauth: null,
      connection: { mode: 'socket', appToken: 'xapp-1' },
      command: '/quiz',
      apiUrl: 'http://127.0.0.1:9999/api/',
    });
  });

  it('GIVEN a half configuration THEN the error names the missing variable', () => {
    expect(() => read({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET is required/);
    expect(() => read({ SLACK_SIGNING_SECRET: 's' })).toThrow(
      /SLACK_BOT_TOKEN is required when SLACK_SIGNING_SECRET/,
    );
    expect(() => read({ SLACK_APP_TOKEN: 'xapp-1' })).toThrow(
      /SLACK_BOT_TOKEN is required when SLACK_APP_TOKEN/,
    );
  });

  it('GIVEN the four OAuth variables and a signing secret THEN many workspaces, with no bot token of its own', () => {
    const key = Buffer.alloc(32, 7);
    expect(
      read({
        ...OAUTH,
        MNEMO_SECRET_KEY_OLD: Buffer.alloc(32, 9).toString('base64'),
        SLACK_SIGNING_SECRET: 's',
      }),
    ).toMatchObject({
      botToken: null,
      oauth: { clientId: '1.2', clientSecret: 'cs', stateSecret: 'a-state-secret-of-length', secretKey: key },
      connection: { mode: 'http' },
    });
  });

  it('GIVEN OAuth half configured, or beside SLACK_BOT_TOKEN THEN the error names what is missing or too much', () => {
    expect(() => read({ SLACK_CLIENT_ID: '1.2', SLACK_SIGNING_SECRET: 's' })).toThrow(
      'Slack OAuth is half configured: SLACK_CLIENT_ID is set but SLACK_CLIENT_SECRET, SLACK_STATE_SECRET, MNEMO_SECRET_KEY are not',
    );
    expect(() => read({ ...OAUTH, SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' })).toThrow(
      /SLACK_BOT_TOKEN \(one workspace\) and SLACK_CLIENT_ID \(OAuth, many workspaces\) are both set/,
    );
    const issues = schema
      .safeParse({ ...OAUTH, MNEMO_SECRET_KEY: 'c2hvcnQ=', SLACK_STATE_SECRET: 'short' })
      .error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(issues).toEqual([
      'SLACK_STATE_SECRET: must be at least 16 characters (it signs the OAuth state)',
      'MNEMO_SECRET_KEY: must be 32 bytes in base64 (make one with: openssl rand -base64 32)',
    ]);
  });

  it('GIVEN swapped tokens or a bad command THEN the schema says which variable is wrong', () => {
    const issues = schema
      .safeParse({ SLACK_BOT_TOKEN: 'xapp-1', SLACK_APP_TOKEN: 'xoxb-1', SLACK_COMMAND: 'mnemo' })
      .error?.issues.map((issue) => issue.path.join('.'));
    expect(issues).toEqual(['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_COMMAND']);
  });
});

describe('chooseReceiver', () => {
  const options = { clock: new TestClock('2026-05-04T09:00:00Z'), log: pino({ level: 'silent' }) };

  it('GIVEN HTTP mode THEN the signed receiver serves POST /slack/events on the shared server', () => {
    const chosen = chooseReceiver({ mode: 'http', signingSecret: 's' }, options);
    expect(chosen.receiver).toBeInstanceOf(SlackHttpReceiver);
    expect(Object.keys(chosen.routes)).toEqual(['/slack/events']);
  });

  it("GIVEN Socket Mode THEN Bolt's SocketModeReceiver is used and no HTTP route is added", () => {
    const chosen = chooseReceiver({ mode: 'socket', appToken: 'xapp-1' }, options);
    expect(chosen.receiver).toBeInstanceOf(SocketModeReceiver);
    expect(chosen.routes).toEqual({});
  });
});
