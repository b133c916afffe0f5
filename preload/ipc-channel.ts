/** The single IPC channel the contract travels on (Electron shell only). */
export const CONTRACT_CHANNEL = 'hims-counter:call';
