// Other counters of the hospital in a process of their own (for the peers
// bench): one core per letter given, each on a fresh data folder with the
// network key and its peer server on loopback, PATIENTS registered at each
// with a Medicine token. Prints one JSON line {letter: {address, phones}},
// then takes commands on stdin, one a line: "call <letter> <room>" calls the
// next patient of that counter's queue (the merged one) into the room and
// prints {label}.
import { createInterface } from 'node:readline';
import { randomUUID } from 'node:crypto';
import { createCore, type Core } from '../../main/core/create-core';
import { tempDir } from './temp-core';

async function run() {
  const [lettersText, key, patientsText] = process.argv.slice(2) as [string, string, string];
  const out: Record<string, { address: string; phones: string[] }> = {};
  const cores = new Map<string, Core>();
  const call = async (core: Core, method: string, input: unknown) => {
    const r = await core.registry.dispatch(method, input, { kind: 'trusted', actor: 'bench' });
    if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
    return r.value as Record<string, unknown>;
  };
  for (const letter of lettersText.split(',')) {
    const core = createCore({
      dataDir: tempDir(),
      shell: 'browser',
      settings: { hospitalName: 'Lok Nayak Hospital', hospitalCode: 'LNH', counterLetter: letter },
      peers: { host: '127.0.0.1', port: 0 },
      log: () => {},
    });
    cores.set(letter, core);
    await call(core, 'peers.setNetworkKey', { key });
    await call(core, 'departments.update', { code: 'MED', rooms: ['101', '102', '103'] });
    const phones: string[] = [];
    const base = letter.charCodeAt(0) - 64;
    for (let i = 0; i < Number(patientsText); i++) {
      const phone = `9${String(base).padStart(2, '0')}${String(i).padStart(7, '0')}`;
      const p = await call(core, 'patients.register', {
        name: `Peer ${letter} Patient ${i}`,
        gender: 'female',
        ageYears: 40,
        phone,
        confirmNotDuplicate: true,
      });
      await call(core, 'tokens.issue', { patientId: p.id, departmentCode: 'MED' });
      phones.push(phone);
    }
    out[letter] = { address: `127.0.0.1:${core.peers.listening()!.port}`, phones };
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
  for await (const line of createInterface({ input: process.stdin })) {
    const [command, letter, room] = line.trim().split(/\s+/);
    if (command !== 'call' || !letter || !room || !cores.has(letter)) continue;
    const moved = await call(cores.get(letter)!, 'queue.callNext', { moveId: randomUUID(), departmentCode: 'MED', room });
    process.stdout.write(`${JSON.stringify({ label: (moved.token as { label: string } | null)?.label ?? null })}\n`);
  }
}

run().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
