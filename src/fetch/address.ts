/**
 * Which network addresses the fetcher may connect to: public unicast
 * addresses only. Everything a server-side request forgery aims at is
 * refused: loopback, private (RFC 1918), link-local (including the cloud
 * metadata address 169.254.169.254), unique-local IPv6, carrier-grade NAT,
 * multicast, broadcast, unspecified, reserved, documentation and
 * benchmarking ranges, and IPv6 forms that carry an IPv4 address
 * (IPv4-mapped `::ffff:127.0.0.1`, IPv4-translated, NAT64 `64:ff9b::/96`,
 * 6to4) when the IPv4 address they carry is one of those.
 *
 * The ranges come from ipaddr.js (its `range()` names every special-purpose
 * block of the IANA registries); the policy here is only which of its names
 * may be reached: `unicast`, and for IPv6 only inside 2000::/3, the one block
 * IANA allocates for global unicast (so deprecated IPv4-compatible `::a.b.c.d`
 * forms and unassigned space are refused too).
 */
import ipaddr from 'ipaddr.js';

/**
 * Why an address may not be fetched from: the name of its range (`loopback`,
 * `private`, `linkLocal`, `uniqueLocal`, `carrierGradeNat`, `multicast`,
 * `unspecified`, …; `IPv4-mapped loopback` and the like for an IPv6 form of
 * an IPv4 address), or null for a public unicast address. A string that is
 * no IP address is refused as `invalid`.
 */
export function forbiddenRange(address: string): string | null {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = ipaddr.parse(address.replace(/^\[|\]$/g, ''));
  } catch {
    return 'invalid';
  }
  if (ip.kind() === 'ipv4') return v4Problem(ip as ipaddr.IPv4);
  const v6 = ip as ipaddr.IPv6;
  const range = v6.range();
  // IPv6 forms that carry an IPv4 address reach that address: judge it.
  const carried = carriedIPv4(v6, range);
  if (carried) {
    const problem = v4Problem(carried);
    return problem ? `${range === 'ipv4Mapped' ? 'IPv4-mapped' : range} ${problem}` : null;
  }
  if (range !== 'unicast') return range;
  // Global unicast is 2000::/3; anything else (IPv4-compatible ::a.b.c.d, unassigned space) is no public host.
  return (v6.parts[0]! & 0xe000) === 0x2000 ? null : 'reserved';
}

function v4Problem(ip: ipaddr.IPv4): string | null {
  const range = ip.range();
  return range === 'unicast' ? null : range;
}

/** The IPv4 address an IPv6 address stands for (IPv4-mapped, IPv4-translated, NAT64, 6to4), if any. */
function carriedIPv4(ip: ipaddr.IPv6, range: string): ipaddr.IPv4 | null {
  const p = ip.parts;
  const v4 = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  if (range === 'ipv4Mapped' || range === 'rfc6145') return v4(p[6]!, p[7]!);
  // The well-known NAT64 prefix 64:ff9b::/96 only; the local-use 64:ff9b:1::/48 stays refused.
  if (range === 'rfc6052' && p[1] === 0xff9b && p.slice(2, 6).every((x) => x === 0)) return v4(p[6]!, p[7]!);
  if (range === '6to4') return v4(p[1]!, p[2]!);
  return null;
}
