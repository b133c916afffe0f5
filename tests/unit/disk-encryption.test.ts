// Is the data folder's disk encrypted: each OS's own answer, recorded from
// real machines, through an injected command runner; and on this machine for
// real (a virtual disk without encryption, or whatever the OS says).
import { describe, expect, it } from 'vitest';
import { detectDiskEncryption, type CommandRunner } from '../../main/ops/disk-encryption';

function answers(map: Record<string, string | Error>): CommandRunner & { asked: string[] } {
  const asked: string[] = [];
  const run = (command: string, args: string[]) => {
    const key = `${command} ${args.join(' ')}`;
    asked.push(key);
    const found = Object.entries(map).find(([prefix]) => key.startsWith(prefix))?.[1];
    if (found === undefined) return Promise.reject(new Error(`no such command: ${key}`));
    return found instanceof Error ? Promise.reject(found) : Promise.resolve(found);
  };
  return Object.assign(run, { asked });
}

describe('disk encryption', () => {
  it('Linux: LUKS under LVM under the folder is encrypted', async () => {
    const run = answers({
      'findmnt --noheadings --output SOURCE --target /home/counter/.config/HIMS Counter': '/dev/mapper/vg-home\n',
      'lsblk --noheadings --inverse --list --output NAME,TYPE,FSTYPE /dev/mapper/vg-home':
        'vg-home lvm ext4\nluks-3f1c crypt LVM2_member\nnvme0n1p3 part crypto_LUKS\nnvme0n1 disk \n',
    });
    const verdict = await detectDiskEncryption('/home/counter/.config/HIMS Counter', 'linux', run);
    expect(verdict).toMatchObject({ state: 'encrypted', method: 'luks', detail: expect.stringContaining('luks-3f1c') });
  });

  it('Linux: a plain partition is not encrypted, and says which devices it looked at', async () => {
    const run = answers({
      findmnt: '/dev/sda2\n',
      lsblk: 'sda2 part ext4\nsda disk \n',
    });
    expect(await detectDiskEncryption('/var/lib/hims', 'linux', run)).toMatchObject({
      state: 'not_encrypted',
      method: null,
      detail: expect.stringContaining('sda2 part → sda disk'),
    });
  });

  it('Linux: a btrfs subvolume is read by its device; an overlay or a network share is unknown', async () => {
    const btrfs = answers({
      findmnt: '/dev/nvme0n1p2[/@home]\n',
      'lsblk --noheadings --inverse --list --output NAME,TYPE,FSTYPE /dev/nvme0n1p2': 'nvme0n1p2 part btrfs\nnvme0n1 disk \n',
    });
    expect((await detectDiskEncryption('/home/x', 'linux', btrfs)).state).toBe('not_encrypted');
    expect((await detectDiskEncryption('/work', 'linux', answers({ findmnt: 'overlay\n' }))).state).toBe('unknown');
    expect((await detectDiskEncryption('/mnt/share', 'linux', answers({ findmnt: '//fileserver/counters\n' }))).state).toBe(
      'unknown',
    );
    expect((await detectDiskEncryption('/x', 'linux', answers({}))).state).toBe('unknown');
  });

  it('Windows: the Shell’s BitLocker property of the drive, without administrator rights', async () => {
    const on = answers({ 'powershell.exe': '1\r\n' });
    expect(await detectDiskEncryption('C:\\Users\\counter\\AppData\\Roaming\\HIMS Counter', 'win32', on)).toMatchObject({
      state: 'encrypted',
      method: 'bitlocker',
    });
    expect(on.asked[0]).toContain("NameSpace('C:')");
    expect(on.asked[0]).toContain('System.Volume.BitLockerProtection');
    expect((await detectDiskEncryption('D:\\HIMS', 'win32', answers({ 'powershell.exe': '2\r\n' }))).state).toBe('not_encrypted');
    expect((await detectDiskEncryption('D:\\HIMS', 'win32', answers({ 'powershell.exe': '\r\n' }))).state).toBe('unknown');
    expect((await detectDiskEncryption('\\\\server\\share\\HIMS', 'win32', answers({}))).state).toBe('unknown');
  });

  it('macOS: FileVault', async () => {
    expect((await detectDiskEncryption('/Users/x', 'darwin', answers({ fdesetup: 'FileVault is On.\n' }))).method).toBe(
      'filevault',
    );
    expect((await detectDiskEncryption('/Users/x', 'darwin', answers({ fdesetup: 'FileVault is Off.\n' }))).state).toBe(
      'not_encrypted',
    );
  });

  it('on this machine, asks the real OS and gives an answer in words', async () => {
    const verdict = await detectDiskEncryption(process.cwd());
    expect(['encrypted', 'not_encrypted', 'unknown']).toContain(verdict.state);
    expect(verdict.detail.length).toBeGreaterThan(10);
    expect(verdict.dataDir).toBe(process.cwd());
  });
});
