import { describe, expect, it } from 'vitest';
import { classifyAddress, decideAddress } from './address-policy';

const BLOCKED: [string, string][] = [
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['::1', 'loopback'],
  ['0.0.0.0', 'unspecified'],
  ['0.1.2.3', 'unspecified'],
  ['::', 'unspecified'],
  ['10.0.0.1', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['192.168.1.1', 'private'],
  ['fc00::1', 'private'],
  ['fd12:3456::1', 'private'],
  ['fec0::1', 'private'],
  ['169.254.1.1', 'link-local'],
  ['fe80::1', 'link-local'],
  ['fe80::1%eth0', 'link-local'],
  ['100.64.0.1', 'carrier-grade-nat'],
  ['100.127.255.255', 'carrier-grade-nat'],
  ['169.254.169.254', 'cloud-metadata'],
  ['100.100.100.200', 'cloud-metadata'],
  ['168.63.129.16', 'cloud-metadata'],
  ['fd00:ec2::254', 'cloud-metadata'],
  ['::ffff:127.0.0.1', 'ipv4-mapped'],
  ['::ffff:8.8.8.8', 'ipv4-mapped'],
  ['::ffff:a9fe:a9fe', 'ipv4-mapped'],
  ['::127.0.0.1', 'ipv4-compatible'],
  ['::a00:1', 'ipv4-compatible'],
  ['::ffff:0:7f00:1', 'ipv4-translated'],
  ['2002:7f00:1::', '6to4'],
  ['2002:a9fe:a9fe::1', '6to4'],
  ['2002:c0a8:101::', '6to4'],
  ['64:ff9b::7f00:1', 'nat64'],
  ['64:ff9b::a9fe:a9fe', 'nat64'],
  ['64:ff9b::10.0.0.1', 'nat64'],
  ['64:ff9b:1::1', 'nat64'],
  ['2001::1', 'teredo'],
  ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'teredo'],
  ['224.0.0.1', 'multicast'],
  ['239.255.255.250', 'multicast'],
  ['ff02::1', 'multicast'],
  ['255.255.255.255', 'broadcast'],
  ['240.0.0.1', 'reserved'],
  ['192.0.0.1', 'reserved'],
  ['100::1', 'reserved'],
  ['4000::1', 'reserved'],
  ['192.0.2.1', 'documentation'],
  ['198.51.100.7', 'documentation'],
  ['203.0.113.9', 'documentation'],
  ['2001:db8::1', 'documentation'],
  ['3fff::1', 'documentation'],
  ['198.18.0.1', 'benchmarking'],
  ['198.19.255.255', 'benchmarking'],
  ['2001:2::1', 'benchmarking'],
  ['not-an-ip', 'invalid'],
  ['0x7f.1', 'invalid'],
  ['2130706433', 'invalid'],
  ['127.1', 'invalid'],
];

const PUBLIC = ['8.8.8.8', '1.1.1.1', '93.184.215.14', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '2002:808:808::1', '64:ff9b::808:808'];

describe('address policy', () => {
  it.each(BLOCKED)('blocks %s as %s', (address, reason) => {
    const decision = decideAddress(address);
    expect(decision.allowed).toBe(false);
    expect(decision.category).toBe(reason);
  });

  it.each(PUBLIC)('allows public %s', (address) => {
    expect(decideAddress(address)).toMatchObject({ allowed: true, category: 'public' });
  });

  it('names the IPv4 address tunnelled inside an IPv6 one', () => {
    expect(decideAddress('2002:a9fe:a9fe::1').embeddedIPv4).toBe('169.254.169.254');
    expect(decideAddress('64:ff9b::7f00:1').embeddedIPv4).toBe('127.0.0.1');
  });

  it('opens loopback only when asked, and nothing else with it', () => {
    const policy = { allowLoopback: true };
    expect(decideAddress('127.0.0.1', policy).allowed).toBe(true);
    expect(decideAddress('::1', policy).allowed).toBe(true);
    for (const inward of ['10.0.0.1', '192.168.0.1', '169.254.169.254', '0.0.0.0', '::ffff:127.0.0.1', '2002:7f00:1::', 'fd00::1']) {
      expect(decideAddress(inward, policy).allowed, inward).toBe(false);
    }
  });

  it('can open single loopback addresses only', () => {
    const policy = { allowLoopback: ['127.0.0.2'] };
    expect(decideAddress('127.0.0.2', policy).allowed).toBe(true);
    expect(decideAddress('127.0.0.1', policy).allowed).toBe(false);
    expect(decideAddress('10.0.0.2', { allowLoopback: ['10.0.0.2'] }).allowed).toBe(false);
  });

  it('normalises IPv6 text', () => {
    expect(classifyAddress('2606:4700:0000:0000:0000:0000:0000:1111').address).toBe('2606:4700::1111');
  });
});
