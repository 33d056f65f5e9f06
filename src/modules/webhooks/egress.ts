import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

// Outbound requests to addresses a department chose (webhooks) must not reach the server's own network: private,
// loopback, link-local, unspecified, multicast and reserved addresses are refused unless an administrator
// allow-listed the host name or a CIDR block containing the address. The check runs on every address the name
// resolves to, and the connection then goes to the address that was checked (no second lookup to rebind).

export type AddressClass = 'private' | 'loopback' | 'link_local' | 'unspecified' | 'multicast' | 'reserved';

export const CLASS_LABELS: Record<AddressClass, string> = {
  private: '内网地址',
  loopback: '回环地址',
  link_local: '链路本地地址',
  unspecified: '未指定地址',
  multicast: '组播地址',
  reserved: '保留地址',
};

const RANGES: [AddressClass, string, number, 'ipv4' | 'ipv6'][] = [
  ['unspecified', '0.0.0.0', 8, 'ipv4'],
  ['private', '10.0.0.0', 8, 'ipv4'],
  ['private', '100.64.0.0', 10, 'ipv4'],
  ['loopback', '127.0.0.0', 8, 'ipv4'],
  ['link_local', '169.254.0.0', 16, 'ipv4'],
  ['private', '172.16.0.0', 12, 'ipv4'],
  ['private', '192.168.0.0', 16, 'ipv4'],
  ['multicast', '224.0.0.0', 4, 'ipv4'],
  ['reserved', '240.0.0.0', 4, 'ipv4'],
  ['unspecified', '::', 128, 'ipv6'],
  ['loopback', '::1', 128, 'ipv6'],
  // IPv4-compatible (deprecated) addresses embed an IPv4 address the checks above would not see.
  ['reserved', '::', 96, 'ipv6'],
  ['private', 'fc00::', 7, 'ipv6'],
  ['link_local', 'fe80::', 10, 'ipv6'],
  ['multicast', 'ff00::', 8, 'ipv6'],
];

const LISTS = new Map<AddressClass, BlockList>();
for (const [kind, network, prefix, family] of RANGES) {
  const list = LISTS.get(kind) ?? new BlockList();
  list.addSubnet(network, prefix, family);
  LISTS.set(kind, list);
}
// Checked in this order, so '::' is 'unspecified' and '::1' 'loopback' rather than 'reserved'.
const ORDER: AddressClass[] = ['unspecified', 'loopback', 'private', 'link_local', 'multicast', 'reserved'];

/** An address with brackets and zone removed, IPv4-mapped IPv6 (::ffff:a.b.c.d) as the IPv4 address it is. */
export function normalizeAddress(address: string): string {
  let a = address
    .trim()
    .replace(/^\[|\]$/g, '')
    .replace(/%.*$/, '')
    .toLowerCase();
  const dotted = /^(?:0{0,4}:){0,5}:?ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(a);
  if (dotted) return dotted[1]!;
  const hex = /^(?:0{0,4}:){0,5}:?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(a);
  if (hex) {
    const hi = parseInt(hex[1]!, 16),
      lo = parseInt(hex[2]!, 16);
    a = `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return a;
}

/** The class of a non-public address, or null for a public one. */
export function classifyAddress(address: string): AddressClass | null {
  const a = normalizeAddress(address);
  const family = isIP(a);
  if (family === 0) return 'reserved';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const kind of ORDER) if (LISTS.get(kind)!.check(a, type)) return kind;
  return null;
}

export type AllowPattern =
  { kind: 'host'; host: string } | { kind: 'cidr'; network: string; prefix: number; family: 4 | 6 };

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** An allow-list entry: a host name, an IP address, or a CIDR block. Null when it is none of these. */
export function parseAllowPattern(raw: string): AllowPattern | null {
  const p = raw.trim().toLowerCase();
  const [ip, prefixText, extra] = p.split('/');
  if (extra !== undefined || !ip) return null;
  const address = normalizeAddress(ip);
  const family = isIP(address);
  if (family !== 0) {
    const max = family === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
    if (!(prefix >= 0 && prefix <= max)) return null;
    return { kind: 'cidr', network: address, prefix, family: family === 4 ? 4 : 6 };
  }
  if (prefixText !== undefined || !HOST_NAME.test(p)) return null;
  return { kind: 'host', host: p };
}

export function isAllowListed(host: string, address: string, patterns: AllowPattern[]): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  const a = normalizeAddress(address);
  const family = isIP(a);
  return patterns.some((p) => {
    if (p.kind === 'host') return p.host === name;
    if (family === 0) return false;
    const list = new BlockList();
    list.addSubnet(p.network, p.prefix, p.family === 4 ? 'ipv4' : 'ipv6');
    return list.check(a, family === 4 ? 'ipv4' : 'ipv6');
  });
}

export type Resolver = (host: string) => Promise<{ address: string; family: number }[]>;
export const systemResolver: Resolver = (host) => dnsLookup(host, { all: true, verbatim: true });

export interface EgressTarget {
  url: URL;
  host: string;
  address: string;
  family: 4 | 6;
}

export class EgressRefusedError extends Error {
  constructor(
    readonly reason: 'scheme' | 'credentials' | 'unresolvable' | AddressClass,
    message: string,
    readonly address?: string,
  ) {
    super(message);
    this.name = 'EgressRefusedError';
  }
}

/** Parses and checks a webhook URL: http(s) only, no user:password, every resolved address public or allow-listed. */
export async function resolveTarget(
  rawUrl: string,
  patterns: AllowPattern[],
  resolve: Resolver = systemResolver,
): Promise<EgressTarget> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new EgressRefusedError('scheme', '地址格式无效。');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new EgressRefusedError('scheme', '只支持 http 或 https 地址。');
  if (url.username || url.password) throw new EgressRefusedError('credentials', '地址中不得包含用户名或密码。');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  if (isIP(host)) {
    addresses = [{ address: host, family: isIP(host) }];
  } else {
    try {
      addresses = await resolve(host);
    } catch {
      addresses = [];
    }
    if (addresses.length === 0) throw new EgressRefusedError('unresolvable', `无法解析主机名 ${host}。`);
  }
  for (const { address } of addresses) {
    const kind = classifyAddress(address);
    if (kind && !isAllowListed(host, address, patterns)) {
      throw new EgressRefusedError(
        kind,
        `目标 ${host} 解析到${CLASS_LABELS[kind]} ${normalizeAddress(address)}，须由系统管理员加入出站白名单后方可使用。`,
        address,
      );
    }
  }
  const first = addresses[0]!;
  return { url, host, address: first.address, family: first.family === 6 ? 6 : 4 };
}
