/** @module Great-circle distance between two points of the Earth, for every stage that compares places. */

// The Earth's mean diameter in kilometres (twice the mean radius, 6,371 km).
const EARTH_DIAMETER_KM = 12742;

/** The haversine distance in km between two points given in degrees of latitude and longitude. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLon = (lon2 - lon1) * toRad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLon / 2) ** 2;
  // Rounding may lift h a hair above 1 for points on opposite sides of the Earth.
  return EARTH_DIAMETER_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
