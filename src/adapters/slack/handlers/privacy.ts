import { NOTHING_CARRIED } from '../../../chat/action-code.ts';
import { type PrivacyAction, runPrivacy } from '../../../chat/privacy.ts';
import { userIdOf } from '../identity.ts';
import { renderReply, slackStyle } from '../render/reply.ts';
import type { ListenerDeps } from './deps.ts';
import { readerLocale } from './locale.ts';
import type { Step } from './quiz-flow.ts';

/** `/mnemo privacy export | delete`, its confirmation button and `/mnemo settings leaderboard on|off`. */
export async function runPrivacyStep(
  deps: ListenerDeps,
  action: PrivacyAction,
  step: Pick<Step, 'person' | 'reply'>,
): Promise<void> {
  const locale = await readerLocale(deps, step.person);
  const reply = await runPrivacy(deps.privacy, action, step.person, (total) =>
    deps.log.info({ rows: total }, 'personal data erased'),
  );
  await step.reply(
    renderReply(reply, NOTHING_CARRIED, slackStyle(deps.command), locale),
    reply.replace ? 'replace' : 'ephemeral',
  );
  // An export too long for a message comes as a file in the person's DM with Mnemo.
  await deps.messenger.uploadToDm(userIdOf(step.person.externalId), reply.attachments);
}
