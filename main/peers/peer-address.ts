// host:port as typed by a supervisor or learnt at pairing ([v6]:port too).
export interface HostPort {
  host: string;
  port: number;
}

export function parseAddress(address: string): HostPort {
  const v6 = /^\[([0-9A-Fa-f:.]+)\]:(\d{1,5})$/.exec(address);
  const plain = /^([A-Za-z0-9.-]+):(\d{1,5})$/.exec(address);
  const match = v6 ?? plain;
  const port = Number(match?.[2]);
  if (!match || !Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`"${address}" is not host:port`);
  return { host: match[1]!, port };
}

/** The address a peer called from, with the port it says it listens on. */
export function formatAddress(host: string, port: number): string {
  const bare = host.startsWith('::ffff:') ? host.slice('::ffff:'.length) : host;
  return bare.includes(':') ? `[${bare}]:${port}` : `${bare}:${port}`;
}
