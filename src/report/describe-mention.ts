/** @module One line saying what a mention's value is, for people: used by `sitrep explain` and the situation report. */
import type { Mention } from '../model/mention.ts';

const PRECISION = ['', 'exact place', 'near a place', 'second-level region', 'first-level region', 'country', 'water body or wider region'];

/** A short, readable rendering of a mention's normalised value. */
export function describeMention(mention: Mention): string {
  switch (mention.kind) {
    case 'sentence':
      return `sentence ${mention.value.index + 1}`;
    case 'date': {
      const v = mention.value;
      return `${v.start === v.end ? v.start : `${v.start} to ${v.end}`} (${v.precision})`;
    }
    case 'quantity': {
      const v = mention.value;
      const range = v.high === null ? `${v.low}+` : v.high === v.low ? `${v.low}` : `${v.low}-${v.high}`;
      return `${v.qualifier} ${range}${v.noun ? ` [${v.noun}]` : ''}`;
    }
    case 'money':
      return `${mention.value.amount} ${mention.value.currency}`;
    case 'percent':
      return `${mention.value.percent}%`;
    case 'place': {
      const v = mention.value;
      const where = [v.name, v.admin1, v.country].filter(Boolean).join(', ');
      return `${where} (${v.lat.toFixed(2)}, ${v.lon.toFixed(2)}; ${PRECISION[v.precision] ?? v.precision})${v.metonymic ? ' — metonymy: an actor speaking, not a location' : ''}`;
    }
    case 'actor': {
      const v = mention.value;
      return `${v.name} (${v.type}${v.country ? `, ${v.country}` : ''})`;
    }
    case 'person': {
      const v = mention.value;
      return [v.name, v.title, v.affiliation].filter(Boolean).join(', ');
    }
    case 'attribution': {
      const v = mention.value;
      return `${v.speaker} (${v.kind}; ${v.stance}) via "${v.cue}"`;
    }
    case 'quote': {
      const v = mention.value;
      const words = v.quote.length > 60 ? `${v.quote.slice(0, 57)}...` : v.quote;
      return `${v.speaker ?? 'unknown speaker'}${v.affiliation ? ` (${v.affiliation})` : ''}: "${words}"`;
    }
  }
}
