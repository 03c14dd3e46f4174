import { type PrivacyAction, runPrivacy } from '../../../chat/privacy.ts';
import type { ListenerDeps } from './deps.ts';
import { type Step, sendReply } from './quiz-flow.ts';

/** `/mnemo privacy export | delete`, its confirmation button and `/mnemo settings leaderboard on|off`. */
export async function runPrivacyStep(
  deps: ListenerDeps,
  action: PrivacyAction,
  step: Pick<Step, 'person' | 'reply'>,
): Promise<void> {
  const reply = await runPrivacy(deps.privacy, action, step.person, (total) =>
    deps.log.info({ rows: total }, 'personal data erased'),
  );
  // An export too long for a message comes as a file in the person's DM with Mnemo.
  await sendReply(deps, reply, step, { files: 'required' });
}
