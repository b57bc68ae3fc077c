import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Addresses a webhook may not point at in production unless allowed (`GZ_WEBHOOK_ALLOW_PRIVATE`):
 * loopback, private networks, link-local (cloud metadata services), carrier-grade NAT, unspecified,
 * multicast and reserved, so a webhook cannot make the server call into its own network.
 */
const INTERNAL = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  INTERNAL.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  INTERNAL.addSubnet(network, prefix, 'ipv6');
}

function internal(address: string): boolean {
  const family = isIP(address);
  if (family === 6 && /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address)) return INTERNAL.check(address.slice(7), 'ipv4');
  return family === 4 ? INTERNAL.check(address, 'ipv4') : family === 6 ? INTERNAL.check(address, 'ipv6') : true;
}

/**
 * What is wrong with a webhook's address, or null: http or https only, no credentials in it, at
 * most 2,000 characters, and (unless `allowPrivate`) a host whose every address is public.
 * Checked when the webhook is made and again before each delivery, since DNS answers change.
 */
export async function urlProblem(raw: string, allowPrivate: boolean): Promise<string | null> {
  if (raw.length > 2000) return 'At most 2,000 characters';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Not a URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Only http and https addresses';
  if (url.username || url.password) return 'No user name or password in the address: receivers check the signature';
  if (allowPrivate) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    return 'The host name does not resolve';
  }
  if (!addresses.length || addresses.some(internal)) return 'The address is in a private or local network';
  return null;
}
