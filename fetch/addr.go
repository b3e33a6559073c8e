package fetch

import (
	"errors"
	"fmt"
	"net/netip"
	"syscall"
)

// ErrPrivateAddress is wrapped by errors for connections refused because the
// address is not a public unicast one (loopback, private, link-local, ...).
var ErrPrivateAddress = errors.New("refusing non-public address")

// blocked are the IPv4 and IPv6 ranges that are not public unicast space
// beyond what netip's predicates already cover. Any of them could reach the
// machine itself, its network or a cloud metadata service.
var blocked = []struct {
	prefix netip.Prefix
	why    string
}{
	{netip.MustParsePrefix("0.0.0.0/8"), "this-network"},
	{netip.MustParsePrefix("100.64.0.0/10"), "shared (CGNAT)"},
	{netip.MustParsePrefix("192.0.0.0/24"), "IETF protocol assignment"},
	{netip.MustParsePrefix("192.0.2.0/24"), "documentation"},
	{netip.MustParsePrefix("198.18.0.0/15"), "benchmarking"},
	{netip.MustParsePrefix("198.51.100.0/24"), "documentation"},
	{netip.MustParsePrefix("203.0.113.0/24"), "documentation"},
	{netip.MustParsePrefix("240.0.0.0/4"), "reserved"},
	{netip.MustParsePrefix("::/96"), "IPv4-compatible"},
	{netip.MustParsePrefix("100::/64"), "discard"},
	{netip.MustParsePrefix("2001::/32"), "Teredo"},
	{netip.MustParsePrefix("2001:db8::/32"), "documentation"},
	{netip.MustParsePrefix("fec0::/10"), "site-local"},
}

// Prefixes whose addresses embed an IPv4 address that a translator on the
// path would connect to; the embedded address is checked as well.
var (
	nat64     = netip.MustParsePrefix("64:ff9b::/96")
	nat64Loc  = netip.MustParsePrefix("64:ff9b:1::/48")
	sixToFour = netip.MustParsePrefix("2002::/16")
)

// checkAddr returns nil when ip is public unicast, else an error wrapping
// ErrPrivateAddress that names the kind of address.
func checkAddr(ip netip.Addr) error {
	if why := classify(ip); why != "" {
		return fmt.Errorf("%w %s (%s)", ErrPrivateAddress, ip, why)
	}
	return nil
}

// classify names why ip is not public, or returns "".
func classify(ip netip.Addr) string {
	if !ip.IsValid() {
		return "invalid"
	}
	ip = ip.WithZone("").Unmap() // ::ffff:127.0.0.1 is 127.0.0.1
	switch {
	case ip.IsLoopback():
		return "loopback"
	case ip.IsPrivate():
		return "private"
	case ip.IsLinkLocalUnicast():
		return "link-local"
	case ip.IsMulticast():
		return "multicast"
	case ip.IsUnspecified():
		return "unspecified"
	case ip == netip.AddrFrom4([4]byte{255, 255, 255, 255}):
		return "broadcast"
	}
	for _, b := range blocked {
		if b.prefix.Contains(ip) {
			return b.why
		}
	}
	if ip.Is6() {
		a := ip.As16()
		var v4 netip.Addr
		switch {
		case nat64.Contains(ip) || nat64Loc.Contains(ip):
			v4 = netip.AddrFrom4([4]byte{a[12], a[13], a[14], a[15]})
		case sixToFour.Contains(ip):
			v4 = netip.AddrFrom4([4]byte{a[2], a[3], a[4], a[5]})
		}
		if v4.IsValid() {
			if why := classify(v4); why != "" {
				return why + " via IPv6 translation"
			}
		}
	}
	return ""
}

// dialControl is a net.Dialer Control function: it runs for every socket
// after name resolution, so it sees the address actually dialled — on every
// redirect hop and every new connection, which defeats DNS rebinding and
// redirects to internal hosts alike.
func dialControl(check func(netip.Addr) error) func(network, address string, _ syscall.RawConn) error {
	return func(network, address string, _ syscall.RawConn) error {
		ap, err := netip.ParseAddrPort(address)
		if err != nil {
			// Fail closed: an address we cannot read is not one we dial.
			return fmt.Errorf("%w: unreadable dial address %q", ErrPrivateAddress, address)
		}
		return check(ap.Addr())
	}
}
