import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { classifyAddress, EgressRefusedError, parseAllowPattern, resolveTarget, type AllowPattern } from './egress.ts';
import { postSigned } from './webhook-sender.ts';

test('private, loopback, link-local, unspecified and multicast addresses are told apart from public ones, mapped forms included', () => {
  const cases: [string, string | null][] = [
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', null],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['100.128.0.1', null],
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['169.254.169.254', 'link_local'],
    ['fe80::1', 'link_local'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['0:0:0:0:0:ffff:a9fe:a9fe', 'link_local'],
    ['[::1]', 'loopback'],
    ['::127.0.0.1', 'reserved'],
    ['8.8.8.8', null],
    ['2001:4860:4860::8888', null],
    ['::ffff:8.8.8.8', null],
    ['not-an-address', 'reserved'],
  ];
  for (const [address, expected] of cases) assert.equal(classifyAddress(address), expected, address);
});

test('allow-list entries are host names, addresses or CIDR blocks', () => {
  assert.deepEqual(parseAllowPattern('127.0.0.1'), { kind: 'cidr', network: '127.0.0.1', prefix: 32, family: 4 });
  assert.deepEqual(parseAllowPattern('10.1.0.0/16'), { kind: 'cidr', network: '10.1.0.0', prefix: 16, family: 4 });
  assert.deepEqual(parseAllowPattern('FD00::/8'), { kind: 'cidr', network: 'fd00::', prefix: 8, family: 6 });
  assert.deepEqual(parseAllowPattern('Hooks.Internal.Example'), { kind: 'host', host: 'hooks.internal.example' });
  for (const bad of ['10.0.0.0/33', 'http://x', 'a b', '10.0.0.0/8/1', '', 'host/8', '-bad.example'])
    assert.equal(parseAllowPattern(bad), null, bad);
});

const resolver = (table: Record<string, string[]>) => async (host: string) =>
  (table[host] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
const allow = (...patterns: string[]) => patterns.map((p) => parseAllowPattern(p)!) as AllowPattern[];

async function refusal(promise: Promise<unknown>): Promise<EgressRefusedError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof EgressRefusedError) return error;
    throw error;
  }
  assert.fail('expected a refusal');
}

test('a host is refused when any of its addresses is not public, unless its name or a block containing the address is allowed', async () => {
  const dns = resolver({
    'mixed.example': ['93.184.216.34', '10.0.0.5'],
    'public.example': ['93.184.216.34'],
    'meta.example': ['169.254.169.254'],
  });
  const mixed = await refusal(resolveTarget('https://mixed.example/hook', [], dns));
  assert.equal(mixed.reason, 'private');
  assert.match(mixed.message, /内网地址 10\.0\.0\.5/);
  assert.equal((await resolveTarget('https://public.example/hook', [], dns)).address, '93.184.216.34');
  assert.equal((await resolveTarget('https://mixed.example/hook', allow('mixed.example'), dns)).host, 'mixed.example');
  assert.equal((await resolveTarget('https://mixed.example/hook', allow('10.0.0.0/24'), dns)).address, '93.184.216.34');
  assert.equal((await refusal(resolveTarget('http://meta.example/', allow('10.0.0.0/8'), dns))).reason, 'link_local');
  assert.equal((await refusal(resolveTarget('http://nowhere.example/', [], dns))).reason, 'unresolvable');
  assert.equal((await refusal(resolveTarget('ftp://public.example/', [], dns))).reason, 'scheme');
  assert.equal((await refusal(resolveTarget('http://u:p@public.example/', [], dns))).reason, 'credentials');
  assert.equal((await refusal(resolveTarget('http://[::ffff:127.0.0.1]/', [], dns))).reason, 'loopback');
  assert.equal(
    (await refusal(resolveTarget('http://2130706433/', [], dns))).reason,
    'loopback',
    'a decimal IPv4 host is still 127.0.0.1',
  );
});

test('the request goes to the address that was checked, whatever the name resolves to later', async () => {
  const server = createServer((req, res) => {
    req.resume();
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const port = (server.address() as AddressInfo).port;
    // 'rebind.invalid' resolves nowhere: only the pinned address can have carried the request.
    const target = {
      url: new URL(`http://rebind.invalid:${port}/hook`),
      host: 'rebind.invalid',
      address: '127.0.0.1',
      family: 4 as const,
    };
    const outcome = await postSigned(target, { 'Content-Type': 'application/json' }, '{}');
    assert.equal(outcome.status, 204);
    assert.equal(outcome.error, null);
    const refused = await postSigned({ ...target, url: new URL('http://rebind.invalid:1/hook') }, {}, '{}');
    assert.equal(refused.status, null);
    assert.match(refused.error!, /ECONNREFUSED/);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
