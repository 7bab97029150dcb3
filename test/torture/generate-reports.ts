/**
 * @module Writes batches of made-up conflict reports, in our own words, from templates: varied places, actors, figures
 * and dates, with some exact and near copies, so an ingest exercises storing, copy detection and every analysis stage.
 */
import type { SeededRandom } from './seeded-random.ts';

/** Towns by region; a racing scenario gives each ingest its own region so their facts and incidents cannot join. */
const REGIONS: Readonly<Record<string, { readonly country: string; readonly towns: readonly string[] }>> = {
  iraq: { country: 'Iraq', towns: ['Erbil', 'Mosul', 'Kirkuk', 'Baghdad', 'Tikrit', 'Ramadi', 'Fallujah', 'Basra', 'Samarra', 'Baqubah'] },
  syria: {
    country: 'Syria',
    towns: ['Deir ez-Zor', 'Raqqa', 'Homs', 'Aleppo', 'Idlib', 'Hasakah', 'Palmyra', 'Daraa', 'Hama', 'Qamishli'],
  },
  ukraine: {
    country: 'Ukraine',
    towns: ['Kharkiv', 'Odesa', 'Zaporizhzhia', 'Dnipro', 'Kherson', 'Sumy', 'Mykolaiv', 'Poltava', 'Chernihiv', 'Lviv'],
  },
  sahel: { country: 'Mali', towns: ['Gao', 'Timbuktu', 'Mopti', 'Kidal', 'Menaka', 'Segou', 'Sikasso', 'Kayes', 'Bamako', 'Djenne'] },
};

/** The region names `generateReports` takes. */
export const REGION_NAMES = Object.keys(REGIONS);

const ACTORS = ['Militants', 'Gunmen', 'Insurgents', 'Armed men', 'Fighters from a local militia', 'Unidentified attackers'];
const WEAPONS = [
  ['rockets', 'fired'],
  ['mortar rounds', 'launched'],
  ['drones', 'sent'],
  ['missiles', 'launched'],
  ['artillery shells', 'fired'],
] as const;
const TARGETS = ['a military base', 'an army checkpoint', 'a police station', 'a market', 'a fuel depot', 'a convoy', 'a border post'];
const SOURCES = [
  'the interior ministry',
  'the defence ministry',
  'a local official',
  'the provincial governor',
  'a hospital director',
  'police',
];
const OUTLETS = ['Northern Ledger', 'River Valley Post', 'Daily Dispatch Wire', 'Frontier Times', 'Evening Courier'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** One report as a JSONL line takes it. */
export interface GeneratedReport {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly url: string;
  readonly published: string;
  readonly text: string;
}

export interface GenerateReportsOptions {
  /** Prefix of every report's id, unique per batch so two batches never share an id. */
  readonly prefix: string;
  readonly count: number;
  /** Region names (see `REGION_NAMES`) the reports are set in. */
  readonly regions?: readonly string[];
  /** Share of reports that repeat an earlier one's text under a new id (exact copies). Default 0.04. */
  readonly copies?: number;
  /** Share of reports that lightly edit an earlier one (near copies). Default 0.06. */
  readonly nearCopies?: number;
}

/** Made-up reports from `random`; the same seed gives the same batch. */
export function generateReports(random: SeededRandom, options: GenerateReportsOptions): GeneratedReport[] {
  const regions = (options.regions ?? REGION_NAMES).map((name) => {
    const region = REGIONS[name];
    if (!region) throw new Error(`unknown region "${name}": use one of ${REGION_NAMES.join(', ')}`);
    return region;
  });
  const reports: GeneratedReport[] = [];
  for (let i = 0; i < options.count; i++) {
    const id = `${options.prefix}-${String(i).padStart(4, '0')}`;
    const earlier = reports.length > 0 ? random.pick(reports) : null;
    if (earlier && random.chance(options.copies ?? 0.04)) {
      reports.push({ ...earlier, id, url: `https://${slug(earlier.source)}.example/${id}` });
    } else if (earlier && random.chance(options.nearCopies ?? 0.06)) {
      const source = random.pick(OUTLETS);
      const text = `${earlier.text} The ${source} could not reach the authorities for further comment.`;
      reports.push({ ...earlier, id, source, text, url: `https://${slug(source)}.example/${id}` });
    } else {
      reports.push(freshReport(random, id, random.pick(regions)));
    }
  }
  return reports;
}

/** The batch as JSONL, one report a line. */
export function toJsonl(reports: readonly GeneratedReport[]): string {
  return `${reports.map((r) => JSON.stringify(r)).join('\n')}\n`;
}

function freshReport(random: SeededRandom, id: string, region: { country: string; towns: readonly string[] }): GeneratedReport {
  const town = random.pick(region.towns);
  const other = random.pick(region.towns.filter((t) => t !== town));
  const year = random.int(2019, 2024);
  const month = random.int(0, 11);
  const day = random.int(1, 28);
  const weekday = DAYS[new Date(Date.UTC(year, month, day)).getUTCDay() === 0 ? 6 : new Date(Date.UTC(year, month, day)).getUTCDay() - 1];
  const date = `${MONTHS[month]} ${day}, ${year}`;
  const published = `${year}-${String(month + 1).padStart(2, '0')}-${String(Math.min(day + 1, 28)).padStart(2, '0')}`;
  const actor = random.pick(ACTORS);
  const [weapon, verb] = random.pick(WEAPONS);
  const target = random.pick(TARGETS);
  const said = random.pick(SOURCES);
  const source = random.pick(OUTLETS);
  const fired = random.int(2, 40);
  const killed = random.int(0, 30);
  const injured = random.int(0, 60);
  const sentences = [
    `${actor} ${verb} ${fired} ${weapon} at ${target} near ${town} on ${weekday}, ${date}, ${said} said.`,
    killed > 0
      ? `At least ${killed} people were killed and ${injured} others were wounded in the attack, according to ${random.pick(SOURCES)}.`
      : `No one was killed, but ${injured} people were treated for wounds, ${random.pick(SOURCES)} said.`,
  ];
  if (random.chance(0.5))
    sentences.push(
      `A second attack on ${target.replace(/^an? /, 'a ')} in ${other} the following day wounded ${random.int(1, 15)} soldiers.`,
    );
  if (random.chance(0.4))
    sentences.push(
      `Since the start of the year, ${random.int(40, 900)} civilians have been killed in ${region.country}, the ${random.pick(['United Nations', 'Red Crescent', 'monitoring group'])} said.`,
    );
  if (random.chance(0.3)) sentences.push(`No group has claimed responsibility for the attack in ${town}.`);
  if (random.chance(0.3)) sentences.push(`Security forces arrested ${random.int(2, 25)} suspects in ${other} on ${random.pick(DAYS)}.`);
  const title = `${fired} ${weapon} hit ${target.replace(/^an? /, '')} near ${town}${killed > 0 ? `, ${killed} killed` : ''}`;
  return { id, title, source, url: `https://${slug(source)}.example/${id}`, published, text: sentences.join(' ') };
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z]+/g, '-');
}
