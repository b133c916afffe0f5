/** The IPC channel push events travel on, main → window (Electron shell only). */
export const EVENT_CHANNEL = 'hims-counter:event';
