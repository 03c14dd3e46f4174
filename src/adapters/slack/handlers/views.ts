import type { App } from '@slack/bolt';
import type { Action } from '../../../chat/action.ts';
import {
  readAnswerModalState,
  readDeckImportModalState,
  readSettingsModalState,
  VIEW,
} from '../action-ids.ts';
import { deckOf } from '../actions.ts';
import { personOf, placeOf } from '../identity.ts';
import { viewSubmissionPayload } from '../payloads.ts';
import { note } from '../render/blocks.ts';
import { ANSWER_INPUT, renderApologyModal } from '../render/modals.ts';
import { respondTo } from '../send/respond.ts';
import { deckImportOf, runDeckFileStep } from './deck-files.ts';
import type { ListenerDeps } from './deps.ts';
import { APOLOGY, guarded, tenantOf, trackAck } from './guard.ts';
import { runChat } from './quiz-flow.ts';
import { saveSettings } from './settings.ts';

type ViewAck = (reply?: object) => Promise<void>;

/** Modal submissions: a typed answer, and the settings form. */
export function registerViews(app: App, deps: ListenerDeps): void {
  app.view(VIEW.answer, async ({ body, ack }) => {
    const tracked = trackAck(ack as ViewAck);
    let responseUrl: string | null = null;
    await guarded(
      deps.log,
      { tenant: tenantOf(body), command: VIEW.answer },
      async () => {
        const payload = viewSubmissionPayload.parse(body);
        const state = readAnswerModalState(payload.view.private_metadata);
        responseUrl = state.responseUrl;
        const text = payload.view.state.values[ANSWER_INPUT.block]?.[ANSWER_INPUT.action]?.value ?? '';
        // Closing the modal is the acknowledgement; the verdict goes where the question was.
        await tracked.ack();
        const { context } = state;
        const post = 'daily' in context ? context.daily : null;
        const action: Action = post
          ? { kind: 'dailyTypedAnswer', daily: { deliveryId: post.deliveryId, cardId: post.cardId }, text }
          : { kind: 'typedAnswer', promptId: state.promptId, deckId: deckOf(context), text };
        await runChat(
          deps,
          action,
          { post, localDate: post?.localDate ?? null },
          {
            place: placeOf(payload.team.id, payload.team.domain),
            person: personOf(payload.team.id, payload.user.id, payload.user.username ?? payload.user.name),
            reply: (message, mode) => respondTo(state.responseUrl, message, mode),
          },
        );
      },
      () => apologize(tracked, responseUrl),
    );
  });

  app.view(VIEW.deckImport, async ({ body, ack, context }) => {
    const tracked = trackAck(ack as ViewAck);
    let responseUrl: string | null = null;
    await guarded(
      deps.log,
      { tenant: tenantOf(body), command: VIEW.deckImport },
      async () => {
        const payload = viewSubmissionPayload.parse(body);
        const state = readDeckImportModalState(payload.view.private_metadata);
        responseUrl = state.responseUrl;
        // The form closes at once; the download, its preview and any problem go where the command was typed.
        await tracked.ack();
        await runDeckFileStep(deps, deckImportOf(payload, context.botToken, deps.apiUrl), {
          place: placeOf(payload.team.id, payload.team.domain),
          person: personOf(payload.team.id, payload.user.id, payload.user.username ?? payload.user.name),
          slackUserId: payload.user.id,
          reply: (message, mode) => respondTo(state.responseUrl, message, mode),
        });
      },
      () => apologize(tracked, responseUrl),
    );
  });

  app.view(VIEW.settings, async ({ body, ack }) => {
    const tracked = trackAck(ack as ViewAck);
    let responseUrl: string | null = null;
    await guarded(
      deps.log,
      { tenant: tenantOf(body), command: VIEW.settings },
      async () => {
        const payload = viewSubmissionPayload.parse(body);
        const state = readSettingsModalState(payload.view.private_metadata);
        responseUrl = state.responseUrl;
        const place = placeOf(payload.team.id, payload.team.domain);
        const person = personOf(payload.team.id, payload.user.id, payload.user.username ?? payload.user.name);
        // The form is checked before the modal closes, so a bad value is shown under its field.
        const saved = await saveSettings(deps, place, person, payload.view.state.values);
        if (!saved.ok) {
          await tracked.ack({ response_action: 'errors', errors: saved.errors });
          return;
        }
        await tracked.ack();
        await respondTo(state.responseUrl, saved.confirmation, 'ephemeral');
      },
      () => apologize(tracked, responseUrl),
    );
  });
}

async function apologize(tracked: { ack: ViewAck; acked: () => boolean }, responseUrl: string | null) {
  if (!tracked.acked()) await tracked.ack({ response_action: 'update', view: renderApologyModal(APOLOGY) });
  else if (responseUrl) await respondTo(responseUrl, note(APOLOGY), 'ephemeral');
}
