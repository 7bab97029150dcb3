/** @module GeoJSON export: a FeatureCollection written page by page, a Point per record with a place (null geometry without one). */
import type { EventPlace } from '../model/event.ts';
import { eachPage } from './exporters.ts';

/**
 * Writes every record `list` pages through as one GeoJSON FeatureCollection; the record (its place too) is the
 * feature's properties. Resolves to how many features were written.
 */
export async function writeGeoJson<T>(
  write: (chunk: string) => void,
  list: (page: { limit: number; offset: number }) => Promise<T[]>,
  placeOf: (item: T) => EventPlace | null,
  toRecord: (item: T) => object,
): Promise<number> {
  write('{"type":"FeatureCollection","features":[\n');
  let first = true;
  const count = await eachPage(list, (page) => {
    if (page.length === 0) return;
    const features = page.map((item) => {
      const place = placeOf(item);
      return JSON.stringify({
        type: 'Feature',
        geometry: place ? { type: 'Point', coordinates: [place.lon, place.lat] } : null,
        properties: toRecord(item),
      });
    });
    write(`${first ? '' : ',\n'}${features.join(',\n')}`);
    first = false;
  });
  write('\n]}\n');
  return count;
}
