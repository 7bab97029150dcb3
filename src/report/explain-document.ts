/** @module `sitrep explain`: a report's text with its mentions marked, and a numbered list of what each one means. */
import type { Document } from '../model/document.ts';
import type { Mention } from '../model/mention.ts';
import { describeMention } from './describe-mention.ts';

/** ANSI colours per kind, used only on a terminal. */
const COLOURS: Partial<Record<Mention['kind'], string>> = {
  date: '\u001b[36m',
  quantity: '\u001b[33m',
  money: '\u001b[33m',
  percent: '\u001b[33m',
  place: '\u001b[32m',
  actor: '\u001b[35m',
  person: '\u001b[35m',
  attribution: '\u001b[34m',
  quote: '\u001b[90m',
};
const RESET = '\u001b[0m';

export interface ExplainOptions {
  readonly colour?: boolean;
}

/**
 * Marks mentions inline as `[text]n`; where mentions overlap, the longer one is marked and the others are listed.
 * Sentences and quotes are listed, not marked: they cover the others.
 */
export function explainDocument(document: Document, mentions: readonly Mention[], options: ExplainOptions = {}): string {
  const marked: Mention[] = [];
  let reach = -1;
  const inline = mentions
    .filter((m) => m.kind !== 'sentence' && m.kind !== 'quote' && m.kind !== 'attribution')
    .sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  for (const mention of inline) {
    if (mention.span.start >= reach) {
      marked.push(mention);
      reach = mention.span.end;
    }
  }
  const numbers = new Map(marked.map((m, i) => [m, i + 1]));
  let text = '';
  let at = 0;
  for (const mention of marked) {
    text += document.text.slice(at, mention.span.start);
    const colour = options.colour ? (COLOURS[mention.kind] ?? '') : '';
    text += `${colour}[${document.text.slice(mention.span.start, mention.span.end)}]${numbers.get(mention)}${colour ? RESET : ''}`;
    at = mention.span.end;
  }
  text += document.text.slice(at);

  const published = document.published
    ? `${document.published.start}..${document.published.end}${document.published.inferred ? ` (inferred: ${document.published.rule})` : ''}`
    : 'unknown';
  const header = [
    `${document.externalId} (${document.id})`,
    `source: ${document.source ?? 'unknown'}   published: ${published}   status: ${document.status}`,
    document.title ? `title: ${document.title}` : null,
  ].filter(Boolean);
  const list = marked.map(
    (m, i) => `${String(i + 1).padStart(3)}. ${m.kind.padEnd(9)} ${JSON.stringify(m.text)} → ${describeMention(m)}   [${m.rule}]`,
  );
  const others = mentions
    .filter((m) => !numbers.has(m) && m.kind !== 'sentence')
    .map(
      (m) =>
        `     ${m.kind.padEnd(11)} ${JSON.stringify(m.text.length > 70 ? `${m.text.slice(0, 67)}...` : m.text)} → ${describeMention(m)}   [${m.rule}]`,
    );
  const sentences = mentions.filter((m) => m.kind === 'sentence').length;
  return [
    ...header,
    '',
    text,
    '',
    `Marked mentions (${marked.length}):`,
    ...list,
    ...(others.length > 0 ? ['', `Attributions, quotes and overlapping mentions (${others.length}):`, ...others] : []),
    '',
    `${sentences} sentences, ${mentions.length} mentions in all.`,
  ].join('\n');
}
