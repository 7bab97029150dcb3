/** @module ACLED's vocabulary beside PLOVER's: the sub-event type (and its event type) an event maps to. */
import type { EventActor, EventType } from '../../model/event.ts';

/** ACLED's event type for each sub-event type sitrep uses. */
export const ACLED_EVENT_TYPES: Readonly<Record<string, string>> = {
  'Armed clash': 'Battles',
  'Air/drone strike': 'Explosions/Remote violence',
  'Suicide bomb': 'Explosions/Remote violence',
  'Shelling/artillery/missile attack': 'Explosions/Remote violence',
  'Remote explosive/landmine/IED': 'Explosions/Remote violence',
  Attack: 'Violence against civilians',
  'Abduction/forced disappearance': 'Violence against civilians',
  'Peaceful protest': 'Protests',
  Arrests: 'Strategic developments',
  Agreement: 'Strategic developments',
  'Non-violent transfer of territory': 'Strategic developments',
  Other: 'Strategic developments',
};

// Lexicon ids and names of armed actors: an attack on them is a clash, not violence against civilians.
const ARMED =
  /forces|military|army|troops|soldiers|militia|militants?|fighters|guard|command|air force|navy|marines|police|irgc|hamas|hezbollah|isis|islamic state|group/i;

/** The ACLED sub-event type for a PLOVER type, its modes and its target. */
export function acledSubEvent(type: EventType, modes: readonly string[], target: readonly EventActor[]): string {
  const has = (mode: string) => modes.includes(mode);
  switch (type) {
    case 'ASSAULT':
      if (has('suicide')) return 'Suicide bomb';
      if (has('aerial') || has('drone')) return 'Air/drone strike';
      if (has('rocket') || has('missile') || has('heavy-weapons')) return 'Shelling/artillery/missile attack';
      if (has('explosives')) return 'Remote explosive/landmine/IED';
      if (has('abduction')) return 'Abduction/forced disappearance';
      return target.some((a) => ARMED.test(`${a.id ?? ''} ${a.name}`)) ? 'Armed clash' : 'Attack';
    case 'PROTEST':
      return 'Peaceful protest';
    case 'COERCE':
      return has('arrest') ? 'Arrests' : 'Other';
    case 'AGREE':
      return 'Agreement';
    case 'RETREAT':
      return 'Non-violent transfer of territory';
    default:
      return 'Other';
  }
}
