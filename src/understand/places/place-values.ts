/** @module A resolved name as a place mention's value: its name, country, region, point, precision and confidence. */
import type { PlaceValue } from '../../model/mention.ts';
import { ALIAS_FLAG, type Gazetteer } from './gazetteer.ts';
import { BOROUGHS, NEW_YORK_CITY } from './us-local-places.ts';
import { NEAR } from './place-words.ts';
import { type Match } from './place-match.ts';

/** A country as a place, by its ISO alpha-2 code: its name and conventional centre point; null for a code unknown. */
export function countryPlaceValue(g: Gazetteer, code: string): PlaceValue | null {
  const id = g.countryPlace(code);
  if (id < 0) return null;
  return {
    name: g.name(id),
    country: g.country(id),
    admin1: null,
    lat: round(g.lat(id)),
    lon: round(g.lon(id)),
    precision: g.precision(id),
    geonameId: g.geonameId(id),
    metonymic: false,
  };
}

export function placeValue(g: Gazetteer, m: Match, text: string, metonymic: boolean): PlaceValue {
  const id = m.chosen;
  let precision = g.precision(id);
  let name = g.name(id);
  let lat = g.lat(id);
  let lon = g.lon(id);
  let county = m.rule === 'place/county' ? (m.county ?? -1) : g.county(id);
  if (m.rule === 'place/county') {
    precision = 3;
    name = titleCase(text.slice(m.start, m.end));
    const shape = g.meta.counties[county];
    if (shape) {
      lat = shape.lat;
      lon = shape.lon;
    }
  } else if (m.partOfReportTown !== undefined) {
    // A part of the report's town lies near its point, not at it.
    precision = 2;
  } else if (m.rule === 'place/street') {
    // The point is the street's town, so the street lies near it, not at it.
    precision = 2;
    name = text.slice(m.start, m.end);
  } else if (precision === 1 && NEAR.test(text.slice(Math.max(0, m.start - 40), m.start))) {
    precision = 2;
  }
  // A neighbourhood is named by its town ("South Shore" is in Chicago), at its own point, near the town's.
  const town = g.kind(id) === 'section' ? g.sectionTown(id) : -1;
  if (town >= 0) name = g.name(town);
  if (m.partOfReportTown !== undefined) county = g.county(m.chosen);
  const countyShape = g.meta.counties[county];
  const usCounty = countyShape ? `${countyShape.name}, ${g.meta.admin1[countyShape.admin1]?.name ?? ''}` : undefined;
  const borough = usCounty === undefined ? undefined : BOROUGHS.get(usCounty);
  if (borough !== undefined && precision <= 2 && m.rule !== 'place/street' && name !== NEW_YORK_CITY) name = borough;
  return {
    name,
    country: g.country(id),
    admin1: g.admin1(id)?.name ?? null,
    lat: round(lat),
    lon: round(lon),
    precision,
    geonameId: m.rule === 'place/county' || m.rule === 'place/street' ? null : g.geonameId(town >= 0 ? town : id),
    metonymic,
    ...(usCounty !== undefined ? { usCounty } : {}),
  };
}

/** "WELD COUNTY" as "Weld County": a dateline's capitals are typography, not the name. */
function titleCase(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name.toLowerCase().replace(/(^|[\s.'-])([a-z])/g, (_, before: string, letter: string) => before + letter.toUpperCase());
}

export function confidenceOf(m: Match, g: Gazetteer): number {
  if (m.rule === 'place/demonym') return 0.5;
  if (m.rule === 'place/in-organisation-name') return 0.4;
  if (m.rule === 'place/county') return 0.6;
  if (m.rule === 'place/street') return 0.5;
  if (m.rule === 'place/region-abbreviation' || m.container) return 0.9;
  const second = m.candidates[1];
  const ambiguous = second !== undefined && g.prior(second & ~ALIAS_FLAG) > g.prior(m.chosen) - 3;
  return ambiguous ? (m.supported ? 0.7 : 0.55) : m.isSingleWord ? 0.8 : 0.9;
}

function round(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}
