// A million patients that look like a Delhi OPD's: common first names and
// surnames (so name prefixes match thousands of rows, as they do for real),
// about one in ten written in Devanagari, families sharing phones, and ABHA
// numbers for some. Seeded, so every run measures the same data.
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { makeUhid } from '../../main/patients/uhid';

const FIRST = (
  'Ram Shyam Sita Gita Mohan Sohan Rakesh Suresh Ramesh Mahesh Dinesh Naresh Sunita Anita Kavita Savita Pooja Neha Priya Ritu ' +
  'Amit Sumit Rahul Rohit Vijay Ajay Sanjay Manoj Anil Sunil Deepak Pankaj Raju Babu Ashok Alok Vinod Pramod Rajesh Mukesh ' +
  'Lakshmi Saraswati Parvati Durga Kamla Vimla Shanti Asha Usha Meena Rekha Seema Reena Nisha Asha Jyoti Sapna Manju Anju Sarita ' +
  'Mohammad Imran Salman Farhan Ayesha Fatima Zainab Shabana Irfan Arif Harpreet Gurpreet Jaspreet Manpreet Baldev Kuldeep ' +
  'Arjun Karan Varun Tarun Nitin Sachin Yogesh Umesh Ganesh Jitendra Surendra Narendra Devendra Mahendra Virendra Om Prakash'
).split(' ');
const LAST = (
  'Kumar Sharma Verma Gupta Singh Yadav Devi Kumari Khan Ansari Chauhan Rawat Negi Bisht Joshi Pandey Mishra Tiwari Dubey ' +
  'Shukla Srivastava Saxena Agarwal Jain Bansal Goel Mittal Malhotra Kapoor Khanna Arora Bhatia Sethi Chopra Mehra Thakur Rana ' +
  'Prasad Paswan Mandal Das Paul Roy Sahu Meena Jatav Valmiki Saini Kashyap Prajapati Nishad Kushwaha Maurya Rajput Tomar'
).split(' ');
const FIRST_HI = 'राम श्याम सीता गीता मोहन सुरेश रमेश सुनीता अनीता कविता पूजा नेहा अमित राहुल विजय मनोज अनिल दीपक लक्ष्मी शांति'.split(' ');
const LAST_HI = 'कुमार शर्मा वर्मा गुप्ता सिंह यादव देवी कुमारी खान पांडेय मिश्रा तिवारी'.split(' ');

/** Small, fast, seeded PRNG (mulberry32). */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SeededPatient {
  id: string;
  uhid: string;
  name: string;
  phone: string | null;
  abha: string | null;
}

export function seedPatients(db: Database, count: number, onProgress: (done: number) => void): SeededPatient[] {
  const random = rng(20261125);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const insert = db.prepare(
    `INSERT INTO patients (id, uhid, name, gender, date_of_birth, dob_estimated, phone, origin_counter, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'bench', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
  );
  const identifier = db.prepare("INSERT INTO patient_identifiers (system, value, patient_pk) VALUES ('abha-number', ?, ?)");
  const sample: SeededPatient[] = [];
  let familyPhone = '';
  db.pragma('synchronous = OFF'); // seeding only; the measured calls run with FULL
  const batch = 50_000;
  for (let start = 0; start < count; start += batch) {
    db.transaction(() => {
      for (let i = start; i < Math.min(count, start + batch); i++) {
        const hindi = random() < 0.1;
        const name = hindi
          ? `${pick(FIRST_HI)} ${pick(LAST_HI)}`
          : random() < 0.3
            ? `${pick(FIRST)} ${pick(FIRST)} ${pick(LAST)}`
            : `${pick(FIRST)} ${pick(LAST)}`;
        if (random() < 0.7) familyPhone = String(6_000_000_000 + Math.floor(random() * 3_999_999_999));
        const phone = random() < 0.85 ? familyPhone : null;
        const year = 1930 + Math.floor(random() * 96);
        const dob = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
        const id = randomUUID();
        const uhid = makeUhid('GH', 'A', 2026, i + 1);
        const pk = Number(
          insert.run(id, uhid, name, random() < 0.5 ? 'male' : 'female', dob, random() < 0.3 ? 1 : 0, phone).lastInsertRowid,
        );
        let abha: string | null = null;
        if (random() < 0.3) {
          const digits = String(10_000_000_000_000 + i).padStart(14, '9');
          abha = `${digits.slice(0, 2)}-${digits.slice(2, 6)}-${digits.slice(6, 10)}-${digits.slice(10)}`;
          identifier.run(abha, pk);
        }
        if (i % 500 === 0) sample.push({ id, uhid, name, phone, abha });
      }
    })();
    onProgress(Math.min(count, start + batch));
  }
  db.pragma('synchronous = FULL');
  return sample;
}

/**
 * A cache of `count` patients as a counter would hold it after a long time
 * in service: seeded with progress on stderr, then the WAL checkpointed and
 * the planner's statistics refreshed, so the seeding is not billed to the
 * first measured commits. Returns the sample and how long seeding took.
 */
export function seedCache(db: Database, count: number): { sample: SeededPatient[]; seconds: number } {
  const total = count.toLocaleString('en-IN');
  const start = performance.now();
  const sample = seedPatients(db, count, (done) => process.stderr.write(`\rseeding ${done.toLocaleString('en-IN')} / ${total}`));
  const seconds = (performance.now() - start) / 1000;
  process.stderr.write(`\rseeded ${total} patients in ${seconds.toFixed(1)} s\n`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('optimize');
  return { sample, seconds };
}
