/** @module The words the place reader weighs a name by: what may stand before and after a place, the words of time, homes, shops and diseases, and the numbers that bound its choices. */
import speechVerbs from '../../../data/speech-verbs.json' with { type: 'json' };

// After a town's name, these keep it a place ("Richmond police", "Texas Gov. Rick Perry").
export const PLACE_FOLLOWERS = new Set(
  'police fire sheriff sheriffs county parish city council mayor metro area region township borough district province governorate officials authorities residents airport state'.split(
    ' ',
  ),
);

// After a name, these are its town's: "Share Memphis police said" names the city whatever word stands before it.
export const TOWN_SERVICES = new Set('police fire sheriff mayor'.split(' '));

// Before a name, these keep it a place ("North Carolina" aside, "Northern Gaza", "Greater London").
export const PLACE_MODIFIERS = new Set(
  'north south east west northern southern eastern western central upper lower greater new old downtown metro metropolitan historic occupied rural suburban mount mt lake port fort ft saint st gulf inner outer northeast northwest southeast southwest'.split(
    ' ',
  ),
);

// Days and months say when, not who: "shot in Hermitage Tuesday evening", "in Senath Saturday", "Dayton March 3".
export const TIME_WORDS = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  ),
);

export const DIRECTION_WORDS = new Set(
  'north south east west northeast northwest southeast southwest northern southern eastern western central downtown'.split(' '),
);

// "at Davis' home": what a person owns, not a town.
export const HOME_WORDS = new Set(
  'home house residence apartment trailer yard porch driveway bedroom garage family mother father son daughter wife husband girlfriend boyfriend'.split(
    ' ',
  ),
);

// "at Macy's", "inside Denny's": where a possessive name is a shop.
export const SHOP_PREPOSITIONS = new Set('at inside outside'.split(' '));

// A town this small is rarely the one meant by "at X's" ("at Dayton's airport" is the city's).
export const MAX_SHOP_NAMESAKE = 10000;

export const DISEASE_WORDS = new Set('virus viruses fever flu influenza disease syndrome strain encephalitis outbreak'.split(' '));

export const COUNTY_WORDS = new Set(['county', 'parish', 'township']);

// The last word of a street's name: "Orchard St.", "Dublin Road", "North Cooper Street".
export const STREET_TYPES = new Set(
  'street st avenue ave road rd drive dr boulevard blvd lane ln parkway pkwy pike circle terrace trail highway freeway expressway turnpike'.split(
    ' ',
  ),
);

// Capitalised only because they start a sentence: "But Main Street", "And Elm Road".
export const NOT_STREET_HEADS = new Set('but and or at in on from to for with by as if when while after before'.split(' '));

export const NOT_COUNTY_NAMES = new Set('the this that each every our his her their a one another same which what its'.split(' '));

// Phrases just before a point place that make its precision "near": "near Abu Kamal", "40 km north of Baghdad".
export const NEAR =
  /(?:\bnear(?:by)?|\boutside(?: of)?|\bclose to|\boutskirts of|\bvicinity of|\baround|\b(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?(?: of)?|\b(?:km|kilometers|kilometres|miles|mi)\s+(?:from|of|outside))\s+(?:the\s+)?(?:town\s+of\s+|city\s+of\s+|village\s+of\s+)?$/i;

export const SPEECH_VERBS: ReadonlySet<string> = new Set(Object.keys(speechVerbs.verbs));

export const PLAUSIBLE_PRIOR_GAP = 6;

export const NEIGHBOUR_CANDIDATES = 15;

// A city this big is named with its state when a report from elsewhere means it; a smaller town with no namesake near
// the report's town is a part of that town.
export const MAX_UNSTATED_NAMESAKE = 100000;

export const WIRE_AFTER = /^[^(\n]{0,20}\((?:AP|Reuters|AFP|UPI|Bloomberg)\)/;

export const POLICE_AFTER = /^'?s?\s+(?:police|Police)\b/;
