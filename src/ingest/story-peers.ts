/**
 * @module The batch's other reports that tell the same story as a report the text alone cannot date: a copy in its
 * syndication group, else the firmly dated report sharing most of its rare words and figures (the place, the ship,
 * the ministry's running count). Their publication day is where the report's yearless dates are read.
 */
import { parseIsoDay, weekday } from '../model/day-number.ts';
import type { Published } from '../model/document.ts';

/** A report of the batch, as the peer search needs it. */
export interface StoryReport {
  readonly id: string;
  readonly text: string;
  readonly title: string | null;
  readonly syndicationGroup: string;
  readonly published: Published | null;
  /** True when its own metadata, address or text fixes its date. */
  readonly firm: boolean;
}

/** The day a report's yearless dates are read near, and the report that gave it. */
export interface StoryPeer {
  readonly near: string;
  readonly peer: string;
  /** Cosine of the two reports' rare terms, 1 for a copy in the same syndication group. */
  readonly similarity: number;
}

/**
 * How alike two reports' rare terms must be (cosine over inverse-document-frequency weights) to tell the same story:
 * two write-ups of one strike share the place, the figures and the names; two stories of one war share little beyond
 * words every report of the war uses, which weigh almost nothing.
 */
export const SAME_STORY = 0.2;
/**
 * A lower bar for a peer published on a weekday the report names, or the day after it: "on Tuesday" in a report that
 * shares a strike's place and figures with one published that Tuesday tells the same story, though more loosely.
 */
export const SAME_STORY_ON_ITS_DAY = 0.12;
/** Terms in more than this share of the batch (and at least a few reports) say nothing of which story it is. */
const COMMON_SHARE = 0.2;
/** Characters of a report read for its terms: the headline and opening carry the story. */
const READ_CHARS = 6000;

const STOPWORDS = new Set(
  (
    'that this with from have been were said says will would their there they them than then when what which while ' +
    'also into after before about more most over some such only other these those where whose being under since ' +
    'against between during could should still just like many much very according including people reported told ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april june july august ' +
    'september october november december'
  ).split(' '),
);

/**
 * The distinct terms of a report: words of four letters or more and figures of two digits or more, not years. Names
 * (a word written with a capital) and figures are what tell one story from another of the same war: they are marked
 * with a leading `^` and weigh double.
 */
export function storyTerms(title: string | null, text: string): Set<string> {
  const terms = new Set<string>();
  const body = `${title ?? ''}\n${text.slice(0, READ_CHARS)}`;
  for (const match of body.matchAll(/[\p{L}]{4,}|\d[\d,]*\d/gu)) {
    const word = match[0];
    if (/^\d/.test(word)) {
      const figure = word.replace(/,/g, '');
      if (!/^(?:19|20)\d\d$/.test(figure)) terms.add(`^${figure}`);
      continue;
    }
    const lower = word.toLowerCase();
    if (STOPWORDS.has(lower)) continue;
    terms.add(/^\p{Lu}/u.test(word) && !terms.has(lower) ? `^${lower}` : lower);
  }
  // A word seen both ways is a common word that opens sentences, not a name.
  for (const term of [...terms]) if (term.startsWith('^') && terms.has(term.slice(1))) terms.delete(term);
  return terms;
}

/** How much a term tells, beside its rarity: names and figures twice a common word. */
function emphasis(term: string): number {
  return term.startsWith('^') ? 2 : 1;
}

/** Rounds of dating from peers: a report dated from its story's others may date a further copy of the story. */
const ROUNDS = 3;

/**
 * Dates the reports that are not firmly dated from the batch's other reports of the same story: `redate` reads a
 * report's dates near the day its peer was published. In each round a report takes as peer a copy in its syndication
 * group, else the most alike dated report above `SAME_STORY`; a report dated in one round may date others in the next
 * (a rewrite of a rewrite). Returns the new dates with the peer each came from.
 */
export function datePeers(
  reports: readonly StoryReport[],
  redate: (report: StoryReport, near: string) => Published | null,
): Map<string, { published: Published; peer: StoryPeer }> {
  const dated = new Map<string, { published: Published; peer: StoryPeer }>();
  if (!reports.some((r) => !r.firm)) return dated;
  const index = new StoryIndex(reports);
  let current = reports;
  for (let round = 0; round < ROUNDS; round++) {
    const peers = index.peers(current);
    if (peers.size === 0) break;
    for (const [id, peer] of peers) {
      const report = current.find((r) => r.id === id);
      const published = report ? redate(report, peer.near) : null;
      if (published) dated.set(id, { published, peer });
    }
    current = current.map((r) => {
      const found = dated.get(r.id);
      return found && !r.firm ? { ...r, published: found.published, firm: true } : r;
    });
  }
  return dated;
}

/** The rare terms of a batch's reports, for finding which tell the same story. */
class StoryIndex {
  readonly #terms = new Map<string, Set<string>>();
  readonly #frequency = new Map<string, number>();
  readonly #total: number;
  readonly #common: number;

  constructor(reports: readonly StoryReport[]) {
    for (const report of reports) {
      const set = storyTerms(report.title, report.text);
      this.#terms.set(report.id, set);
      for (const term of set) this.#frequency.set(term, (this.#frequency.get(term) ?? 0) + 1);
    }
    this.#total = reports.length;
    this.#common = Math.max(3, COMMON_SHARE * reports.length);
  }

  #weight(term: string): number {
    const df = this.#frequency.get(term) ?? this.#total;
    return df > this.#common || df < 2 ? 0 : emphasis(term) * Math.log(this.#total / df);
  }

  #norm(id: string): number {
    let sum = 0;
    for (const term of this.#terms.get(id) ?? []) sum += this.#weight(term) ** 2;
    return Math.sqrt(sum);
  }

  /** For each report not yet dated, its dated peer: a copy in its syndication group, else the most alike above the bar. */
  peers(reports: readonly StoryReport[]): Map<string, StoryPeer> {
    const found = new Map<string, StoryPeer>();
    const dated = reports.filter((r) => r.firm && r.published !== null);
    const byGroup = new Map<string, StoryReport>();
    for (const report of dated) if (!byGroup.has(report.syndicationGroup)) byGroup.set(report.syndicationGroup, report);
    // Rare terms to the dated reports holding them: a report is compared only with those it shares one with.
    const holders = new Map<string, StoryReport[]>();
    for (const report of dated) {
      for (const term of this.#terms.get(report.id) ?? []) {
        if (this.#weight(term) === 0) continue;
        const list = holders.get(term);
        if (list) list.push(report);
        else holders.set(term, [report]);
      }
    }
    const norms = new Map(dated.map((r) => [r.id, this.#norm(r.id)]));
    for (const report of reports) {
      if (report.firm) continue;
      const copy = byGroup.get(report.syndicationGroup);
      if (copy?.published && copy.id !== report.id) {
        found.set(report.id, { near: copy.published.start, peer: copy.id, similarity: 1 });
        continue;
      }
      const shared = new Map<StoryReport, number>();
      for (const term of this.#terms.get(report.id) ?? []) {
        const w = this.#weight(term);
        if (w === 0) continue;
        for (const other of holders.get(term) ?? []) shared.set(other, (shared.get(other) ?? 0) + w * w);
      }
      const own = this.#norm(report.id);
      const named = namedWeekdays(report);
      let best: { report: StoryReport; similarity: number } | null = null;
      for (const [other, dot] of shared) {
        const similarity = dot / (own * (norms.get(other.id) ?? 1) || 1);
        const bar = named.size > 0 && onNamedDay(named, other.published) ? SAME_STORY_ON_ITS_DAY : SAME_STORY;
        if (similarity >= bar && (best === null || similarity > best.similarity)) best = { report: other, similarity };
      }
      if (best?.report.published)
        found.set(report.id, { near: best.report.published.start, peer: best.report.id, similarity: best.similarity });
    }
    return found;
  }
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY_WORD = /\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g;

/** The weekdays (0 for Sunday) a report's headline and opening name. */
function namedWeekdays(report: StoryReport): Set<number> {
  const days = new Set<number>();
  for (const match of `${report.title ?? ''}\n${report.text.slice(0, READ_CHARS)}`.matchAll(WEEKDAY_WORD)) {
    days.add(WEEKDAYS.indexOf((match[1] as string).toLowerCase()));
  }
  return days;
}

/** Whether a report was published on one of these weekdays or the day after one (a day's news told the next morning). */
function onNamedDay(days: ReadonlySet<number>, published: Published | null): boolean {
  if (published === null) return false;
  const day = parseIsoDay(published.start.slice(0, 10));
  if (day === null) return false;
  const named = weekday(day);
  return days.has(named) || days.has((named + 6) % 7);
}
