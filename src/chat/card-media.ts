import type { Card } from '../core/deck/card.ts';
import type { Attachment, Reply } from './reply.ts';

/** Which part of a card a reply shows: the question, or (reveal, verdict, whole answer) the answer as well. */
export type CardSide = 'question' | 'answer';

/**
 * The files a card is shown with, made outside the chat layer (src/media, wired in src/bot.ts): its pictures
 * and sounds, SVG drawn to PNG, and its formulas as pictures. Files are extra: when making them fails, the
 * reply goes out as text and `onError` is told.
 */
export interface CardMedia {
  /** In the order the card's text refers to them: pictures and sound first, then formulas. */
  files(card: Card, side: CardSide): Promise<Attachment[]>;
  onError(error: unknown, card: Card): void;
}

/** The most files one message carries (Discord's limit). */
export const MAX_ATTACHMENTS = 10;

/** The card a reply shows, and which side of it; null for a reply that shows no card, or a form (a modal). */
function shownCard(reply: Reply): { card: Card; side: CardSide } | null {
  const { body } = reply;
  switch (body.kind) {
    case 'question':
      return { card: body.card, side: 'question' };
    case 'reveal':
    case 'fullAnswer':
      return { card: body.card, side: 'answer' };
    case 'verdict':
      return { card: body.result.card, side: 'answer' };
    case 'answerForm':
    case 'message':
      return null;
  }
}

/** The files of one side of a card; none without a port, or when making them failed (`onError` is told). */
export async function cardFiles(
  media: CardMedia | undefined,
  card: Card,
  side: CardSide,
): Promise<Attachment[]> {
  if (!media) return [];
  try {
    return await media.files(card, side);
  } catch (error) {
    media.onError(error, card);
    return [];
  }
}

/** The reply with the files of the card it shows attached, at most MAX_ATTACHMENTS in all. */
export async function withCardMedia(reply: Reply, media: CardMedia | undefined): Promise<Reply> {
  const shown = shownCard(reply);
  const files = shown ? await cardFiles(media, shown.card, shown.side) : [];
  if (files.length === 0) return reply;
  return { ...reply, attachments: [...reply.attachments, ...files].slice(0, MAX_ATTACHMENTS) };
}
