// Is the data folder's disk encrypted? The live database relies on the OS's
// disk encryption (docs/decisions.md "Data at rest"), so the administrator's
// Maintenance screen says what the OS can tell:
//   Linux    findmnt finds the device holding the folder; lsblk lists the
//            devices under it: a "crypt" one is dm-crypt (LUKS when its
//            parent's FSTYPE is crypto_LUKS).
//   Windows  the Shell's System.Volume.BitLockerProtection property of the
//            drive (1 on, 2 off; readable without administrator rights,
//            unlike manage-bde and Get-BitLockerVolume).
//   macOS    fdesetup status (FileVault).
// Commands are injected so every branch is tested with the OS's real output.
import { execFile } from 'node:child_process';
import { win32 } from 'node:path';
import type { DiskEncryption } from '../../preload/contract/methods/ops-schemas';

export type CommandRunner = (command: string, args: string[]) => Promise<string>;

export const runCommand: CommandRunner = (command, args) =>
  new Promise((resolve, reject) =>
    execFile(command, args, { timeout: 10_000, windowsHide: true, maxBuffer: 1024 * 1024 }, (err, stdout) => {
      if (err) reject(new Error(err.message));
      else resolve(stdout);
    }),
  );

type Verdict = Omit<DiskEncryption, 'dataDir'>;

const unknown = (detail: string): Verdict => ({ state: 'unknown', method: null, detail });

async function linux(dir: string, run: CommandRunner): Promise<Verdict> {
  let source: string;
  try {
    source = (await run('findmnt', ['--noheadings', '--output', 'SOURCE', '--target', dir])).trim().split('\n')[0]!.trim();
  } catch {
    return unknown('findmnt could not tell which device holds the data folder');
  }
  // A btrfs subvolume reads /dev/sda2[/@home]: the device is before the bracket.
  const device = source.replace(/\[.*\]$/, '');
  if (!device.startsWith('/dev/')) return unknown(`the data folder is on "${source}", not a block device the OS can describe`);
  let tree: string;
  try {
    // --inverse lists the device and every device it sits on, down to the disk.
    tree = await run('lsblk', ['--noheadings', '--inverse', '--list', '--output', 'NAME,TYPE,FSTYPE', device]);
  } catch {
    return unknown(`lsblk could not describe ${device}`);
  }
  const rows = tree
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length >= 2 && cols[0] !== '');
  const crypt = rows.find((cols) => cols[1] === 'crypt');
  if (crypt) {
    const luks = rows.some((cols) => cols[2] === 'crypto_LUKS');
    return {
      state: 'encrypted',
      method: luks ? 'luks' : 'dm-crypt',
      detail: `${device} sits on the encrypted device ${crypt[0]}`,
    };
  }
  if (rows.length === 0) return unknown(`lsblk said nothing about ${device}`);
  return {
    state: 'not_encrypted',
    method: null,
    detail: `${device} (${rows.map((c) => `${c[0]} ${c[1]}`).join(' → ')}) has no encrypted layer`,
  };
}

async function windows(dir: string, run: CommandRunner): Promise<Verdict> {
  // win32's parser on purpose: the tests run this branch on Linux too.
  const root = win32.parse(dir).root;
  const drive = root.replace(/\\$/, '');
  if (!/^[A-Za-z]:$/.test(drive)) return unknown(`the data folder is not on a lettered drive (${root})`);
  const script = `(New-Object -ComObject Shell.Application).NameSpace('${drive}').Self.ExtendedProperty('System.Volume.BitLockerProtection')`;
  let answer: string;
  try {
    answer = (await run('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', script])).trim();
  } catch {
    return unknown('Windows did not say whether BitLocker protects this drive');
  }
  // 1: on; 3: encrypting; 5: on (suspended is 6); 2: off; empty or 0: BitLocker not available.
  if (answer === '1' || answer === '3' || answer === '5')
    return { state: 'encrypted', method: 'bitlocker', detail: `BitLocker protects drive ${drive} (state ${answer})` };
  if (answer === '2' || answer === '6')
    return { state: 'not_encrypted', method: null, detail: `BitLocker is off or suspended on drive ${drive} (state ${answer})` };
  return unknown(`Windows gave no BitLocker state for drive ${drive}${answer ? ` ("${answer}")` : ''}`);
}

async function mac(run: CommandRunner): Promise<Verdict> {
  try {
    const answer = (await run('fdesetup', ['status'])).trim();
    if (/FileVault is On/i.test(answer)) return { state: 'encrypted', method: 'filevault', detail: answer };
    if (/FileVault is Off/i.test(answer)) return { state: 'not_encrypted', method: null, detail: answer };
    return unknown(answer || 'fdesetup said nothing');
  } catch {
    return unknown('fdesetup could not be run');
  }
}

export async function detectDiskEncryption(
  dataDir: string,
  platform: NodeJS.Platform = process.platform,
  run: CommandRunner = runCommand,
): Promise<DiskEncryption> {
  const verdict =
    platform === 'linux'
      ? await linux(dataDir, run)
      : platform === 'win32'
        ? await windows(dataDir, run)
        : platform === 'darwin'
          ? await mac(run)
          : unknown(`no check for ${platform}`);
  return { ...verdict, dataDir };
}
