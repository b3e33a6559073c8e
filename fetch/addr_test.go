package fetch

import (
	"errors"
	"net/netip"
	"testing"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		ip   string
		want string // "" for public
	}{
		{"8.8.8.8", ""},
		{"1.1.1.1", ""},
		{"93.184.216.34", ""},
		{"2606:4700:4700::1111", ""},
		{"2a00:1450:4001:82b::200e", ""},
		{"100.63.255.255", ""}, // just below CGNAT
		{"100.128.0.0", ""},    // just above CGNAT
		{"172.15.255.255", ""}, // just below 172.16/12
		{"172.32.0.0", ""},     // just above
		{"169.253.255.255", ""},
		{"64:ff9b::808:808", ""}, // NAT64 of 8.8.8.8
		{"2002:808:808::1", ""},  // 6to4 of 8.8.8.8
		{"::ffff:8.8.8.8", ""},   // mapped public
		{"127.0.0.1", "loopback"},
		{"127.255.255.254", "loopback"},
		{"::1", "loopback"},
		{"::ffff:127.0.0.1", "loopback"},
		{"::ffff:7f00:1", "loopback"},
		{"10.0.0.1", "private"},
		{"172.16.0.1", "private"},
		{"172.31.255.255", "private"},
		{"192.168.1.1", "private"},
		{"::ffff:192.168.1.1", "private"},
		{"fc00::1", "private"},
		{"fd12:3456:789a::1", "private"},
		{"169.254.169.254", "link-local"}, // cloud metadata
		{"::ffff:169.254.169.254", "link-local"},
		{"fe80::1", "link-local"},
		{"fe80::1%eth0", "link-local"},
		{"0.0.0.0", "unspecified"},
		{"::", "unspecified"},
		{"0.1.2.3", "this-network"},
		{"224.0.0.1", "multicast"},
		{"239.255.255.250", "multicast"},
		{"ff02::1", "multicast"},
		{"255.255.255.255", "broadcast"},
		{"100.64.0.1", "shared (CGNAT)"},
		{"100.127.255.255", "shared (CGNAT)"},
		{"192.0.0.8", "IETF protocol assignment"},
		{"192.0.2.1", "documentation"},
		{"198.18.0.1", "benchmarking"},
		{"240.0.0.1", "reserved"},
		{"::7f00:1", "IPv4-compatible"},
		{"2001:db8::1", "documentation"},
		{"2001:0:4136:e378:8000:63bf:3fff:fdd2", "Teredo"},
		{"fec0::1", "site-local"},
		{"64:ff9b::7f00:1", "loopback via IPv6 translation"},
		{"64:ff9b::a9fe:a9fe", "link-local via IPv6 translation"},
		{"64:ff9b:1::a00:1", "private via IPv6 translation"},
		{"2002:7f00:1::", "loopback via IPv6 translation"},
		{"2002:c0a8:101::1", "private via IPv6 translation"},
	}
	for _, tt := range tests {
		t.Run(tt.ip, func(t *testing.T) {
			ip := netip.MustParseAddr(tt.ip)
			if got := classify(ip); got != tt.want {
				t.Errorf("classify(%s) = %q, want %q", tt.ip, got, tt.want)
			}
			err := checkAddr(ip)
			if (err != nil) != (tt.want != "") {
				t.Fatalf("checkAddr(%s) = %v", tt.ip, err)
			}
			if err != nil && !errors.Is(err, ErrPrivateAddress) {
				t.Errorf("checkAddr(%s) = %v, not ErrPrivateAddress", tt.ip, err)
			}
		})
	}
	if classify(netip.Addr{}) == "" {
		t.Error("the zero Addr is public")
	}
}

func TestDialControl(t *testing.T) {
	ctl := dialControl(checkAddr)
	tests := []struct {
		address string
		ok      bool
	}{
		{"8.8.8.8:443", true},
		{"[2606:4700:4700::1111]:80", true},
		{"127.0.0.1:80", false},
		{"[::1]:443", false},
		{"[::ffff:127.0.0.1]:80", false},
		{"[fe80::1%eth0]:80", false},
		{"169.254.169.254:80", false},
		{"example.com:80", false}, // not an address: fail closed
		{"garbage", false},
	}
	for _, tt := range tests {
		t.Run(tt.address, func(t *testing.T) {
			err := ctl("tcp", tt.address, nil)
			if (err == nil) != tt.ok {
				t.Fatalf("control(%q) = %v, want ok=%v", tt.address, err, tt.ok)
			}
			if err != nil && !errors.Is(err, ErrPrivateAddress) {
				t.Errorf("error %v is not ErrPrivateAddress", err)
			}
		})
	}
}
