// The card issuer's private key at rest in Electron: encrypted with
// safeStorage (DPAPI on Windows, Keychain on macOS, libsecret/kwallet on
// Linux) in files under the user-data folder. Where no OS keystore is
// available (a bare Linux session) it falls back to the plain 0600 file the
// browser shell uses, and says so once in the log. docs/cards.md
import { safeStorage } from 'electron';
import { plainFileSecretStore, readSecretFile, writeSecretFile, type SecretStore } from '../config/secret-store';

export function safeStorageSecretStore(dir: string, log: (message: string) => void = console.warn): SecretStore {
  if (!safeStorage.isEncryptionAvailable()) {
    log('no OS keystore available: the card signing key is kept in a plain file readable by this OS user only');
    return plainFileSecretStore(dir);
  }
  return {
    kind: 'os-keystore',
    read: (name) => {
      const bytes = readSecretFile(dir, name);
      return bytes ? safeStorage.decryptString(bytes) : null;
    },
    write: (name, value) => writeSecretFile(dir, name, safeStorage.encryptString(value)),
  };
}
