import { describe, expect, it } from 'vitest';
import { verdictOf } from './verdict-of.ts';

describe('aliases, filler, hedges and acronyms', () => {
  it('GIVEN an accepted alias THEN correct', () => {
    expect(verdictOf('Global Interpreter Lock', 'GIL', { accept: ['GIL'] })).toBe('correct');
  });

  it('GIVEN a typo in an alias THEN close', () => {
    expect(verdictOf('virtual environment', 'vnev', { accept: ['venv'] })).toBe('close');
  });

  it('GIVEN "Name (ALIAS)" as the answer THEN either name alone is correct', () => {
    expect(verdictOf('Horizontal Pod Autoscaler (HPA)', 'HPA')).toBe('correct');
    expect(verdictOf('Horizontal Pod Autoscaler (HPA)', 'horizontal pod autoscaler')).toBe('correct');
  });

  it.each([
    'it is a container',
    "it's a container",
    'they are containers',
    "I think it's a container",
    'it is called a container',
    'docker container',
  ])('GIVEN leading filler "%s" for "container" THEN correct', (answer) => {
    expect(verdictOf('container', answer)).toBe('correct');
  });

  it.each([
    ['bridge', 'bridge network'],
    ['REST', 'REST API'],
    ['SELECT', 'SELECT statement'],
    ['443', 'port 443'],
    ['404', 'HTTP 404'],
    ['type 1', 'type 1 hypervisor'],
  ])('GIVEN "%s" and the answer "%s" with a generic word THEN correct', (expected, answer) => {
    expect(verdictOf(expected, answer)).toBe('correct');
  });

  it.each([
    ['docker compose', 'compose'],
    ['INNER JOIN', 'inner'],
    ['type 2', '2'],
  ])('GIVEN "%s" and "%s" without the word the question gives THEN correct', (expected, answer) => {
    expect(verdictOf(expected, answer)).toBe('correct');
  });

  it.each([
    ['container', 'container image'],
    ['container', 'not a container'],
    ['blocking', 'non-blocking'],
    ['round robin', 'weighted round robin'],
    ['primary key', 'primary index'],
    ['INNER JOIN', 'join'],
  ])('GIVEN "%s" and the answer "%s" that adds a contradicting term THEN wrong', (expected, answer) => {
    expect(verdictOf(expected, answer)).toBe('wrong');
  });

  it.each([
    ['TCP', 'TCP or UDP'],
    ['TCP', 'UDP or TCP'],
    ['TCP', 'either TCP or UDP'],
    ['TCP', 'TCP/UDP'],
    ['64', '64 or 65'],
    ['type 1', 'type 1 or type 2'],
  ])('GIVEN "%s" and the hedge "%s" THEN wrong', (expected, answer) => {
    expect(verdictOf(expected, answer)).toBe('wrong');
  });

  it.each([
    ['horizontal pod autoscaler', 'HPA'],
    ['kernel-based virtual machine', 'KVM'],
    ['object-relational mapping', 'ORM'],
    ['TCP', 'Transmission Control Protocol'],
    ['3NF', 'third normal form'],
  ])('GIVEN "%s" and its acronym or expansion "%s" THEN correct', (expected, answer) => {
    expect(verdictOf(expected, answer)).toBe('correct');
  });

  it('GIVEN a card that spells its acronym out AND a mistyped expansion THEN close, not correct', () => {
    expect(verdictOf('Global Interpreter Lock', 'global interpretor lock', { accept: ['GIL'] })).toBe(
      'close',
    );
  });

  it('GIVEN an alias that is not the spelled-out acronym THEN the acronym still accepts its expansion', () => {
    expect(verdictOf('TCP', 'Transmission Control Protocol', { accept: ['TCP protocol'] })).toBe('correct');
  });

  it('GIVEN a card that spells its acronym out AND another expansion with the same initials THEN wrong', () => {
    expect(verdictOf('object-relational mapping', 'object relational model', { accept: ['ORM'] })).toBe(
      'wrong',
    );
  });

  it.each([
    ['404', '404 Not Found'],
    ['404 Not Found', '404'],
    ['503', '503 service unavailable'],
  ])('GIVEN the status "%s" and "%s" THEN correct', (expected, answer) => {
    expect(verdictOf(expected, answer)).toBe('correct');
  });

  it('GIVEN a status code with the reason phrase of another code THEN wrong', () => {
    expect(verdictOf('401', '401 Forbidden')).toBe('wrong');
  });
});
