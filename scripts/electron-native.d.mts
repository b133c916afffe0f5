// Types for scripts/electron-native.mjs (plain JS run by node), for the tests that read its paths.
export declare const electronBinding: string;
export declare function ensureElectronNative(): string;
