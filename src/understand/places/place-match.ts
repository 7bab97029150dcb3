/** @module What the place reader keeps of a name it found: the match, the region or country the text puts it in, and the votes the document casts for countries and regions. */

/** One name found in the text before it is resolved. */
export interface Match {
  readonly first: number;
  readonly last: number;
  readonly start: number;
  readonly end: number;
  readonly rule: string;
  /** Candidate place ids (with `ALIAS_FLAG`), best prior first. */
  readonly candidates: readonly number[];
  /** "Springfield, Ill.": the region or country the text puts the place in. */
  readonly container: Container | null;
  readonly isSingleWord: boolean;
  readonly isStopName: boolean;
  /** The name's lookup key: repeats of one name do not vouch for each other. */
  readonly key: string;
  /** For a county: the words before "County". */
  readonly countyName?: string;
  /** For a county: "county", "parish" or "township". */
  readonly countyWord?: string;
  chosen: number;
  /** Something in the document speaks for the chosen place: its country, region, a neighbour or a container. */
  supported: boolean;
  /** Its region, a neighbour or a container speaks for it. */
  strong: boolean;
  /** Wide news: a town outside the country the report is mostly about, which nothing near it speaks for. */
  strayAbroad?: boolean;
  /** "in Scott", "near Lincoln", or a container: a person's name is a place here. */
  readonly afterPreposition: boolean;
  /** "Humble police said": the town's police speak, so a town that is also a common word is meant. */
  readonly beforePolice?: boolean;
  /** "shot in Duquesne": "in" right before the name. */
  readonly afterIn?: boolean;
  /** "a Lingle man": a resident's word right after the name. */
  readonly beforeResident?: boolean;
  /** "the Woodlawn neighborhood", "the East Germantown section": the name is a part of a town. */
  readonly beforeNeighbourhood?: boolean;
  /** "Baltimore's Brooklyn neighborhood": a part of the town named just before, which its namesakes say nothing about. */
  ownedNeighbourhood?: boolean;
  /**
   * Read as a part of the report's own town ("in Madisonville" in a report from Cincinnati): `chosen` is that town, and
   * this the namesake far off that the name was first read as, which still decides whether the name is kept.
   */
  partOfReportTown?: number;
  /** The chosen town lies in a county the document names ("in Elgin" beside "Fayette County"). */
  inNamedCounty?: boolean;
  /** For a county placed in the gazetteer's US county list: its index there, whose centre is its point. */
  county?: number;
}

export interface Container {
  readonly place: number;
  /** Country index of the container. */
  readonly country: number;
  /** Admin1 index, or -1 for a country. */
  readonly admin1: number;
}

export interface Evidence {
  readonly countries: Map<number, number>;
  readonly admin1s: Map<number, number>;
  /** Admin1 votes summed by the country the region lies in: a country contains its regions. */
  readonly admin1sByCountry: Map<number, number>;
  countryTotal: number;
  admin1Total: number;
  /** What each match contributed, so that it can be left out of its own evidence. */
  readonly own: Map<number, { readonly id: number; readonly weight: number }>;
}

export function emptyEvidence(): Evidence {
  return { countries: new Map(), admin1s: new Map(), admin1sByCountry: new Map(), countryTotal: 0, admin1Total: 0, own: new Map() };
}
