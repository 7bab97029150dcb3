/**
 * @module Builds `data/actor-dictionary.json` from the PETRARCH 2 / Phoenix actor and agent dictionaries (MIT licence):
 * armed non-state groups, international bodies and the collective agent nouns of armed and state actors ("army",
 * "treasury police"), each with its CAMEO code, the kind sitrep gives it and its country.
 *
 * Run with the folder of a PETRARCH 2 checkout's dictionaries:
 * `node --import tsx scripts/build-actor-dictionary.ts DIR [COMMIT]`, where DIR holds `Phoenix.MilNonState.actors.txt`,
 * `Phoenix.International.actors.txt` and `Phoenix.agents.txt` (github openeventdata/petrarch2, petrarch2/data/dictionaries).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import countries from 'i18n-iso-countries';
import type { ActorType } from '../src/model/mention.ts';
import { englishCommonWords } from '../src/understand/case/case-lexicon.ts';

const [dir, commit = 'unknown'] = process.argv.slice(2);
if (dir === undefined) {
  process.stderr.write('usage: build-actor-dictionary.ts DICTIONARY_DIR [COMMIT]\n');
  process.exit(2);
}
const read = (name: string) => readFileSync(join(dir, name), 'latin1');

// CAMEO role codes, in the order one wins over another when a code holds several ("IMGSEAMUS" is an armed group).
const ROLE_KINDS: ReadonlyArray<readonly [string, ActorType]> = [
  ['IMG', 'armed-group'],
  ['REB', 'armed-group'],
  ['INS', 'armed-group'],
  ['SEP', 'armed-group'],
  ['UAF', 'armed-group'],
  ['MIL', 'state-forces'],
  ['SPY', 'state-forces'],
  ['COP', 'police'],
  ['PTY', 'political-party'],
  ['OPP', 'political-party'],
  ['IGO', 'international-organisation'],
  ['NGO', 'ngo'],
  ['MED', 'media'],
  ['GOV', 'government'],
  ['CVL', 'civilians'],
];
const ROLE_CODES = new Set(ROLE_KINDS.map(([code]) => code));
// CAMEO country codes that are not ISO 3166-1 alpha-3.
const CAMEO_COUNTRY: Readonly<Record<string, string>> = { KSV: 'XK', ROM: 'RO', ZAR: 'CD', TMP: 'TL', BUR: 'MM', SRB: 'RS' };

/** The kind and country of a CAMEO actor code ("SLVREB" → armed group of SV; "IGOUNO" → international body). */
function decode(code: string): { type: ActorType; country: string | null } | null {
  const chunks: string[] = code.match(/.{3}/g) ?? [];
  const first = chunks[0] ?? '';
  const country = CAMEO_COUNTRY[first] ?? (ROLE_CODES.has(first) ? undefined : countries.alpha3ToAlpha2(first)) ?? null;
  for (const [role, type] of ROLE_KINDS) if (chunks.includes(role)) return { type, country };
  return null;
}

const common = englishCommonWords();
// Small words kept in lower case inside a name.
const CONNECTORS = new Set('of the and for in on to de del la las los el y al et du des da do dos der'.split(' '));
// Words a name never ends on: an alias cut short in the dictionary ("CENTRAL_JAIL_OF").
const BAD_LAST = new Set('of the and for in on to de del la y'.split(' '));

/** "SHINING_PATH_" → "Shining Path"; "(AAIA)" and short one-word names ("ETA") stay in capitals. */
function caseName(raw: string): string {
  const words = raw.replace(/_+$/, '').split('_').filter(Boolean);
  return words
    .map((word, i) => {
      if (isAcronym(word, words.length === 1)) return word;
      const lower = word.toLowerCase();
      if (i > 0 && CONNECTORS.has(lower)) return lower;
      return lower.replace(/(^|[-'’/])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
    })
    .join(' ');
}

/**
 * Whether a dictionary word reads as letters: a one-word name of five letters or fewer ("ETA"), a word without vowels
 * ("FMLN"), or a joined word one of whose parts has none ("PFLP-GC", "DHKP/C").
 */
function isAcronym(word: string, alone: boolean): boolean {
  if (!/^[A-Z0-9.&/-]+$/.test(word)) return false;
  if (alone && word.replace(/[^A-Z]/g, '').length <= 5) return true;
  return word.split(/[-/]/).some((part) => part !== '' && !/[AEIOUY]/.test(part) && !/^[0-9]+$/.test(part));
}

/** The aliases a dictionary phrase gives: the name, and the acronym in brackets ("ISLAMIC_ARMY_OF_ADEN_(IAA)_"). */
function aliasesOf(raw: string): string[] {
  const cleaned = raw.replace(/[{}]/g, '').trim();
  const bracket = /^(.*?)_?\(([^)]*)\)_?$/.exec(cleaned);
  const out: string[] = [];
  if (bracket) {
    const [, name = '', inner = ''] = bracket;
    out.push(caseName(name));
    // "(COLOMBIA)" tells which country's group it is; "(IAA)" is the group's acronym.
    if (isAcronym(inner, true) && countries.getAlpha2Code(inner, 'en') === undefined) out.push(inner);
  } else out.push(caseName(cleaned));
  return out.filter(usable);
}

/** Whether an alias is safe to match: not one common word, not a fragment, not only digits or punctuation. */
function usable(alias: string): boolean {
  const words = alias.split(' ');
  // "May 15", "17 November": a group named for a date is read as the date.
  if (words.length === 2 && words.some((w) => /^\d+$/.test(w)) && words.some((w) => MONTHS.has(w.toLowerCase()))) return false;
  if (LEFT_OUT_ALIASES.has(alias)) return false;
  const last = (words.at(-1) ?? '').toLowerCase();
  if (!/\p{L}{2}/u.test(alias) || BAD_LAST.has(last) || /[!+#]/.test(alias)) return false;
  if (words.length === 1) {
    const lower = alias.toLowerCase();
    if (common.has(lower) || common.has(lower.replace(/s$/, ''))) return false;
    if (alias === alias.toUpperCase() && alias.replace(/[^A-Z]/g, '').length < 3) return false;
  }
  return true;
}

// A synonym that is a person's name with an honorific ("SHEIKH_HASSAN_NASRALLAH") is not the group.
const HONORIFIC = /^(SHEIKH?|SAYY[IE]D|SEYYED|MULLAH|EMIR|IMAM|COMMANDER|GENERAL)_/;
const PERSON_NOTE = /\b(leader|member|founder|co-founder|commander|maker|alias of|head of)\b/i;
const MONTHS = new Set('january february march april may june july august september october november december'.split(' '));
// Acronyms that are as often a given name ("ANA", "ISA").
const LEFT_OUT_ALIASES = new Set(['ANA', 'ISA', 'EYAL']);
// Names that other things carry more often than the group: "Radio Venceremos" is a broadcaster.
const LEFT_OUT = new Set(['VENCEREMOS_']);

interface Group {
  id: string;
  name: string;
  type: ActorType;
  country: string | null;
  cameo: string;
  aliases: string[];
}

function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Actor entries of a TABARI/PETRARCH `.actors` file: a head line `NAME_ [CODE]`, synonym lines `+NAME_`, and codes on
 * the head line or on tab-indented lines below it. Entries whose codes carry dates (people in office) are left out.
 */
function readActors(text: string, keep: (type: ActorType) => boolean): Group[] {
  const groups: Group[] = [];
  let current: { names: string[]; codes: string[]; dated: boolean; person: boolean } | null = null;
  const flush = () => {
    if (current === null) return;
    const entry = current;
    current = null;
    if (entry.dated || entry.person || entry.codes.length !== 1) return;
    const code = entry.codes[0] as string;
    const decoded = decode(code);
    if (decoded === null || !keep(decoded.type)) return;
    // A one-word synonym that is no acronym and no plural group name is often a member's name ("Nasrallah"): left out.
    const aliases = [
      ...new Set(
        entry.names.flatMap((n, i) => aliasesOf(n).filter((a) => i === 0 || a.includes(' ') || a === a.toUpperCase() || /[a-z]s$/.test(a))),
      ),
    ];
    const name = aliases.find((a) => a.includes(' ')) ?? aliases[0];
    if (name === undefined) return;
    groups.push({ id: '', name, type: decoded.type, country: decoded.country, cameo: code, aliases });
  };
  for (const line of text.split(/\r?\n/)) {
    const bare = line.replace(/#.*$/, '');
    if (bare.trim() === '') continue;
    const codes = [...bare.matchAll(/\[([A-Z~]+)([^\]]*)\]/g)];
    const phrase = bare.replace(/\[[^\]]*\]/g, '').trim();
    if (/^\s/.test(line) && phrase === '') {
      if (current !== null) addCodes(current, codes);
      continue;
    }
    if (phrase.startsWith('+')) {
      const synonym = phrase.slice(1).trim();
      if (current !== null && !HONORIFIC.test(synonym)) current.names.push(synonym);
      continue;
    }
    flush();
    // The dictionary's note says when a head line is a member, not the group ("DULMATIN__ [...] # senior leader jma").
    current = { names: [phrase], codes: [], dated: false, person: PERSON_NOTE.test(line.replace(/^[^#]*#?/, '')) || LEFT_OUT.has(phrase) };
    addCodes(current, codes);
  }
  flush();
  return groups;
}

/** Adds an entry's codes; a code with a date range ("[SLVGOV 890601-940601]") marks a person in office. */
function addCodes(entry: { codes: string[]; dated: boolean }, codes: readonly RegExpMatchArray[]): void {
  for (const c of codes) {
    if ((c[2] ?? '').trim() !== '') entry.dated = true;
    entry.codes.push(c[1] as string);
  }
}

// The last word of an agent noun that names a body of people, not a person, a weapon or a place ("army", "police").
const COLLECTIVE_HEADS = new Set(
  (
    'army armies forces force military militaries troops soldiers police guard guards navy marines patrol patrols paramilitary ' +
    'paramilitaries rebels insurgents guerrillas guerrilla militants militias militia terrorists commandos battalion ' +
    'battalions regiment brigade brigades unit units personnel gendarmerie gendarmery infantry squad squads junta ' +
    'corps'
  ).split(' '),
);
const PERSON_LEADS = new Set('chief commander head heads general'.split(' '));
const AGENT_ROLES: ReadonlySet<string> = new Set(['MIL', 'COP', 'REB', 'UAF', 'SPY', 'IMG', 'INS', 'SEP']);

/** Agent nouns of armed and state actors: `PHRASE {PLURALS} [~CODE]`, the plural forms added where the head allows. */
function readAgents(text: string): Array<[string, ActorType, string]> {
  const out = new Map<string, [string, ActorType, string]>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^([A-Z][A-Z0-9_'.-]*)\s*(?:\{([^}]*)\})?\s*\[~([A-Z]+)\]/.exec(line.replace(/#.*$/, ''));
    if (!match) continue;
    const [, phrase = '', plurals = '', code = ''] = match;
    const role = (code.match(/.{3}/g) ?? []).find((c) => AGENT_ROLES.has(c));
    if (role === undefined) continue;
    const type = decode(role)?.type;
    if (type === undefined) continue;
    const forms = [phrase, ...plurals.split(/\s+/).filter(Boolean)].map((p) => p.replace(/_+$/, '').replace(/_/g, ' ').toLowerCase());
    // PETRARCH adds regular plurals itself; so does this build.
    const withPlurals = forms.flatMap((f) => (/(s|y|ry|police|personnel|military|infantry|paramilitary)$/.test(f) ? [f] : [f, `${f}s`]));
    for (const form of withPlurals) {
      const last = form.split(' ').at(-1) ?? '';
      const first = form.split(' ')[0] ?? '';
      // "army chief", "commander in chief of the army" are people; "insurgency" is what they wage.
      if (!COLLECTIVE_HEADS.has(last) || PERSON_LEADS.has(first) || /[!{}]/.test(form)) continue;
      if (!out.has(form)) out.set(form, [form, type, `~${code}`]);
    }
  }
  return [...out.values()].sort((a, b) => a[0].localeCompare(b[0]));
}

const armed = readActors(read('Phoenix.MilNonState.actors.txt'), () => true);
const international = readActors(
  read('Phoenix.International.actors.txt'),
  (type) => type === 'international-organisation' || type === 'armed-group',
);
const groups = [...armed, ...international];
const seenIds = new Set<string>();
for (const group of groups) {
  let id = `cameo-${slug(group.name)}`;
  for (let n = 2; seenIds.has(id); n++) id = `cameo-${slug(group.name)}-${n}`;
  seenIds.add(id);
  group.id = id;
}
const agents = readAgents(read('Phoenix.agents.txt'));

const output = {
  about:
    "Actor names and agent nouns from the PETRARCH 2 / Phoenix event-coding dictionaries, for sitrep's actor lexicon. " +
    "'groups': [id, name, kind, country, CAMEO code, aliases]; kind from the CAMEO role code (REB, IMG, UAF: armed-group; " +
    'MIL: state-forces; COP: police; IGO: international-organisation; PTY, OPP: political-party), country from its ' +
    "CAMEO country code as ISO 3166-1 alpha-2 (null for regional or international codes). 'agents': [phrase, kind, " +
    'CAMEO agent code]: collective nouns of armed and state actors, matched in lower case (a capital first letter too). ' +
    'The hand lexicon (data/actors.json) wins over every entry here. Built by scripts/build-actor-dictionary.ts; ' +
    'entries tied to dates (people in office) and aliases that are one common English word are left out.',
  source: {
    repository: 'https://github.com/openeventdata/petrarch2',
    commit,
    files: [
      'petrarch2/data/dictionaries/Phoenix.MilNonState.actors.txt',
      'petrarch2/data/dictionaries/Phoenix.International.actors.txt',
      'petrarch2/data/dictionaries/Phoenix.agents.txt',
    ],
    licence: 'MIT',
    copyright: 'Copyright (c) 2014 Open Event Data Alliance',
  },
  groups: groups.map((g) => [g.id, g.name, g.type, g.country, g.cameo, g.aliases]),
  agents,
};
const path = new URL('../data/actor-dictionary.json', import.meta.url);
writeFileSync(path, `${JSON.stringify(output, null, 0).replace(/\],\[/g, '],\n[')}\n`);
process.stderr.write(`actor dictionary: ${groups.length} groups, ${agents.length} agent nouns\n`);
