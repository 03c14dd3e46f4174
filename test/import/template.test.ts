import { describe, expect, it } from 'vitest';
import { clozeNumbers, type RenderContext, renderTemplate } from '../../src/import/template.ts';

const context = (fields: Record<string, string>, extra: Partial<RenderContext> = {}): RenderContext => ({
  fields: new Map(Object.entries(fields)),
  cloze: null,
  side: 'question',
  frontSide: '',
  tags: 'geo europe',
  deck: 'World::Capitals',
  card: 'Card 1',
  ...extra,
});

describe('renderTemplate', () => {
  it('GIVEN fields and special fields THEN they are put in', () => {
    const out = renderTemplate('{{Country}} ({{Subdeck}}, {{Tags}})', context({ Country: 'France' }));
    expect(out).toMatchObject({ html: 'France (Capitals, geo europe)', filled: true, problems: [] });
  });

  it('GIVEN sections THEN {{#F}} shows when F has text and {{^F}} when it has none; markup alone is empty', () => {
    const template = '{{#A}}a:{{A}}{{/A}}{{^B}}no b{{/B}}{{#B}}b{{/B}}';
    expect(renderTemplate(template, context({ A: 'x', B: '<br>&nbsp;' })).html).toBe('a:xno b');
    expect(renderTemplate(template, context({ A: '', B: '<img src="p.png">' })).html).toBe('b');
  });

  it('GIVEN only empty fields THEN nothing was filled (Anki makes no such card)', () => {
    expect(renderTemplate('Q: {{#R}}{{B}}{{/R}}', context({ R: '', B: 'x' })).filled).toBe(false);
  });

  it('GIVEN text:, hint:, type: and tts filters THEN each renders as it should', () => {
    const out = renderTemplate(
      '{{text:F}}|{{hint:H}}|{{type:F}}|{{tts en_US:F}}',
      context({ F: '<b>bold</b>', H: 'help' }),
    );
    expect(out.html).toBe('bold|<div>Hint: help</div>||');
    expect(out.typed).toEqual(['F']);
  });

  it('GIVEN furigana filters THEN readings are kept, dropped, or alone', () => {
    const fields = { J: '日本[にほん]語[ご]' };
    expect(renderTemplate('{{furigana:J}}', context(fields)).html).toBe('日本(にほん)語(ご)');
    expect(renderTemplate('{{kanji:J}}', context(fields)).html).toBe('日本語');
    expect(renderTemplate('{{kana:J}}', context(fields)).html).toBe('にほんご');
  });

  it('GIVEN an unknown filter or field THEN the field shows as it is, and the problem is told', () => {
    const out = renderTemplate('{{shout:F}}{{Missing}}', context({ F: 'hi' }));
    expect(out.html).toBe('hi');
    expect(out.problems).toEqual([
      'the template filter "shout" is not known: the field is shown as it is',
      'the template refers to a field "Missing" the note type does not have',
    ]);
  });

  it('GIVEN a cloze THEN the asked one is blanked ([…] or its hint) on the question, and filled on the answer', () => {
    const fields = { T: '{{c1::Paris}} is in {{c2::France::country}}; {{c1::Lyon}} too' };
    expect(renderTemplate('{{cloze:T}}', context(fields, { cloze: 1 })).html).toBe(
      '[…] is in France; […] too',
    );
    expect(renderTemplate('{{cloze:T}}', context(fields, { cloze: 2 })).html).toBe(
      'Paris is in [country]; Lyon too',
    );
    expect(renderTemplate('{{cloze:T}}', context(fields, { cloze: 2, side: 'answer' })).html).toBe(
      'Paris is in France; Lyon too',
    );
    expect(renderTemplate('{{cloze-only:T}}', context(fields, { cloze: 1 })).html).toBe('Paris, Lyon');
    expect(clozeNumbers(fields.T)).toEqual([1, 2]);
  });

  it('GIVEN unclosed tags and clozes THEN they stay as text', () => {
    expect(renderTemplate('{{F}} {{ {{F}}', context({ F: 'x' })).html).toBe('x {{ x');
    const fields = { T: `${'{{c1::'.repeat(20_000)}{{c2::last}}` };
    expect(clozeNumbers(fields.T)).toEqual([2]);
  });

  it('GIVEN sections nested past the limit THEN rendering stops and says why', () => {
    const template = `${'{{#A}}'.repeat(40)}x${'{{/A}}'.repeat(40)}`;
    const out = renderTemplate(template, context({ A: 'y' }));
    expect(out.problems).toContain('template sections are nested more than 32 deep');
  });
});
