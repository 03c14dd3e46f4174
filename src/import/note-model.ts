import { z } from 'zod';

/** A note type as both Anki packages and CrowdAnki exports describe it. */
export interface NoteModel {
  name: string;
  /** Anki's cloze kind: one card per cloze number instead of one per template. */
  cloze: boolean;
  /** Field names in order. */
  fields: string[];
  templates: CardTemplate[];
}

export interface CardTemplate {
  ord: number;
  name: string;
  question: string;
  answer: string;
}

/** One note as read from a package, before it becomes cards. */
export interface SourceNote {
  /** Where a person finds it: `note 1502…`, `deck.json notes[3]`. */
  where: string;
  guid: string;
  model: NoteModel;
  /** Field values (HTML) in the model's field order. */
  fields: string[];
  tags: string[];
  /** The Anki deck name (`Parent::Child`) each card goes to, by template ordinal (or cloze number − 1). */
  deckOf: (ord: number) => string;
}

/** A note type as JSON, the way schema 11 collections (`col.models`) and CrowdAnki (`note_models`) write it. */
export const noteModelJson = z.object({
  name: z.string(),
  /** 1: cloze. */
  type: z.number().optional(),
  flds: z.array(z.object({ name: z.string(), ord: z.number().optional() })),
  tmpls: z.array(
    z.object({ name: z.string(), ord: z.number().optional(), qfmt: z.string(), afmt: z.string() }),
  ),
});

export function noteModelFromJson(model: z.infer<typeof noteModelJson>): NoteModel {
  return {
    name: model.name,
    cloze: model.type === 1,
    fields: [...model.flds].sort((a, b) => (a.ord ?? 0) - (b.ord ?? 0)).map((field) => field.name),
    templates: model.tmpls.map((t, i) => ({
      ord: t.ord ?? i,
      name: t.name,
      question: t.qfmt,
      answer: t.afmt,
    })),
  };
}
