import type { App } from '@slack/bolt';
import { decodeAction } from '../../../chat/action-code.ts';
import type { Person, Place } from '../../../core/people.ts';
import { readAnswerModalState, readFormModalState, VIEW } from '../actions.ts';
import { dailyPostOf } from '../daily-post.ts';
import { personOf, placeOf } from '../identity.ts';
import { type ViewSubmissionPayload, viewSubmissionPayload } from '../payloads.ts';
import { note } from '../render/blocks.ts';
import { ANSWER_INPUT, renderApologyModal } from '../render/modals.ts';
import { respondTo } from '../send/respond.ts';
import { deckImportOf, runDeckFileStep } from './deck-files.ts';
import type { ListenerDeps } from './deps.ts';
import { APOLOGY, guarded, tenantOf, trackAck } from './guard.ts';
import { runChat } from './quiz-flow.ts';
import { saveSettings } from './settings.ts';

type ViewAck = (reply?: object) => Promise<void>;

/** One submitted form: who sent it, its state's response_url, and how to acknowledge. */
interface Submission {
  payload: ViewSubmissionPayload;
  place: Place;
  person: Person;
  responseUrl: string;
  ack: ViewAck;
  botToken: string | undefined;
}

/**
 * Each form's submission: its state is read first (its response_url is where the outcome, or the apology,
 * goes), then the form is closed (or shown its errors) and the outcome sent.
 */
const FORMS: Record<string, (deps: ListenerDeps, form: Submission) => Promise<void>> = {
  [VIEW.answer]: async (deps, form) => {
    const state = readAnswerModalState(form.payload.view.private_metadata);
    const decoded = decodeAction(state.code);
    const { action } = decoded ?? {};
    if (!decoded || (action?.kind !== 'typedAnswer' && action?.kind !== 'dailyTypedAnswer'))
      throw new Error('an answer form without its answer');
    const values = form.payload.view.state.values;
    const text = values[ANSWER_INPUT.block]?.[ANSWER_INPUT.action]?.value ?? '';
    // Closing the modal is the acknowledgement; the verdict goes where the question was.
    await form.ack();
    await runChat(deps, { ...action, text }, dailyPostOf(decoded.carried.post), {
      place: form.place,
      person: form.person,
      reply: (message, mode) => respondTo(state.responseUrl, message, mode),
    });
  },
  // The form closes at once; the download, its preview and any problem go where the command was typed.
  [VIEW.deckImport]: async (deps, form) => {
    await form.ack();
    await runDeckFileStep(deps, deckImportOf(form.payload, form.botToken, deps.apiUrl), {
      place: form.place,
      person: form.person,
      slackUserId: form.payload.user.id,
      reply: (message, mode) => respondTo(form.responseUrl, message, mode),
    });
  },
  // The form is checked before the modal closes, so a bad value is shown under its field.
  [VIEW.settings]: async (deps, form) => {
    const saved = await saveSettings(deps, form.place, form.person, form.payload.view.state.values);
    if (!saved.ok) return form.ack({ response_action: 'errors', errors: saved.errors });
    await form.ack();
    await respondTo(form.responseUrl, saved.confirmation, 'ephemeral');
  },
};

/** Modal submissions: a typed answer, a deck file, and the settings form. */
export function registerViews(app: App, deps: ListenerDeps): void {
  for (const [callbackId, run] of Object.entries(FORMS)) {
    app.view(callbackId, async ({ body, ack, context }) => {
      const tracked = trackAck(ack as ViewAck);
      let responseUrl: string | null = null;
      await guarded(
        deps.log,
        { tenant: tenantOf(body), command: callbackId },
        async () => {
          const payload = viewSubmissionPayload.parse(body);
          responseUrl = readFormModalState(payload.view.private_metadata).responseUrl;
          const { team, user } = payload;
          await run(deps, {
            payload,
            place: placeOf(team.id, team.domain),
            person: personOf(team.id, user.id, user.username ?? user.name),
            responseUrl,
            ack: tracked.ack,
            botToken: context.botToken,
          });
        },
        () => apologize(tracked, responseUrl),
      );
    });
  }
}

async function apologize(tracked: { ack: ViewAck; acked: () => boolean }, responseUrl: string | null) {
  if (!tracked.acked()) await tracked.ack({ response_action: 'update', view: renderApologyModal(APOLOGY) });
  else if (responseUrl) await respondTo(responseUrl, note(APOLOGY), 'ephemeral');
}
