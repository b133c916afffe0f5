// Other counters of the hospital in a process of their own (for the peers
// bench): one core per letter given, each on a fresh data folder with the
// network key and its peer server on loopback, PATIENTS registered at each.
// Prints one JSON line {letter: {address, phones}} and runs until killed.
import { createCore } from '../../main/core/create-core';
import { tempDir } from './temp-core';

async function run() {
  const [lettersText, key, patientsText] = process.argv.slice(2) as [string, string, string];
  const out: Record<string, { address: string; phones: string[] }> = {};
  for (const letter of lettersText.split(',')) {
    const core = createCore({
      dataDir: tempDir(),
      shell: 'browser',
      settings: { hospitalName: 'Lok Nayak Hospital', hospitalCode: 'LNH', counterLetter: letter },
      peers: { host: '127.0.0.1', port: 0 },
      log: () => {},
    });
    const call = async (method: string, input: unknown) => {
      const r = await core.registry.dispatch(method, input, { kind: 'trusted', actor: 'bench' });
      if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
      return r.value;
    };
    await call('peers.setNetworkKey', { key });
    const phones: string[] = [];
    const base = letter.charCodeAt(0) - 64;
    for (let i = 0; i < Number(patientsText); i++) {
      const phone = `9${String(base).padStart(2, '0')}${String(i).padStart(7, '0')}`;
      await call('patients.register', {
        name: `Peer ${letter} Patient ${i}`,
        gender: 'female',
        ageYears: 40,
        phone,
        confirmNotDuplicate: true,
      });
      phones.push(phone);
    }
    out[letter] = { address: `127.0.0.1:${core.peers.listening()!.port}`, phones };
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
  setInterval(() => {}, 60_000);
}

run().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
