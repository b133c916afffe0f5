// Configuration the HIMS owns, pulled each time the counter has caught up:
// departments (HealthcareService) and the card issuers whose e-health cards
// this counter trusts (Organization of type card-issuer, keys as JWKS).
// docs/fhir-mapping.md#pull.
import type { Database } from 'better-sqlite3';
import type { Bundle, HealthcareService, Organization } from '@medplum/fhirtypes';
import { trustIssuer } from '../cards/issuer-store';
import type { PublicJwk } from '../../preload/contract/methods/card-schemas';
import { sql } from '../db/statements';
import { EXTENSIONS, SYSTEMS } from '../fhir/systems';
import type { HimsClient } from './hims-client';
import { writeTransaction } from '../db/transaction';

export async function pullDepartments(db: Database, client: HimsClient, now: () => string): Promise<number> {
  const response = await client.request<Bundle<HealthcareService>>('GET', 'HealthcareService?_count=500');
  if (response.status !== 200) return 0;
  let n = 0;
  writeTransaction(db, () => {
    for (const entry of response.data.entry ?? []) {
      const s = entry.resource;
      const code = s?.identifier?.find((i) => i.system === SYSTEMS.department)?.value;
      if (!s || !code || !s.name || !/^[A-Z0-9_]{1,20}$/.test(code)) continue;
      const nameHi = s.extension?.find((e) => e.url === `${SYSTEMS.department}#name-hi`)?.valueString ?? s.name;
      sql(
        db,
        `INSERT INTO departments (code, name_en, name_hi, room, active, sort_order, updated_at)
          VALUES (@code, @en, @hi, @room, @active, 1000, @at)
        ON CONFLICT (code) DO UPDATE SET name_en = excluded.name_en, name_hi = excluded.name_hi,
          room = CASE WHEN excluded.room = '' THEN departments.room ELSE excluded.room END, active = excluded.active, updated_at = excluded.updated_at`,
      ).run({
        code,
        en: s.name,
        hi: nameHi,
        room: s.location?.[0]?.display ?? '',
        active: s.active === false ? 0 : 1,
        at: now(),
      });
      n++;
    }
  });
  return n;
}

/** Issuers with keys that fail the cards module's checks (not P-256, kid not the thumbprint) are skipped. */
export async function pullCardIssuers(
  db: Database,
  client: HimsClient,
  now: () => string,
  log?: (m: string) => void,
): Promise<number> {
  const response = await client.request<Bundle<Organization>>(
    'GET',
    `Organization?type=${encodeURIComponent(`${SYSTEMS.organizationType}|card-issuer`)}&_count=200`,
  );
  if (response.status !== 200) return 0;
  let n = 0;
  for (const entry of response.data.entry ?? []) {
    const org = entry.resource;
    const iss = org?.identifier?.find((i) => i.system === SYSTEMS.cardIssuer)?.value;
    const jwks = org?.extension?.find((e) => e.url === EXTENSIONS.jwks)?.valueString;
    if (!org || !iss || !jwks || !/^https:\/\//.test(iss)) continue;
    try {
      const keys = (JSON.parse(jwks) as { keys?: PublicJwk[] }).keys ?? [];
      await trustIssuer(db, { iss, name: org.name ?? iss, keys }, now());
      n++;
    } catch (err) {
      log?.(`card issuer ${iss} from the HIMS not trusted: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return n;
}
