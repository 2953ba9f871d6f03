package collect

import (
	"net"
	"net/http"
	"net/netip"
	"strings"
	"time"
)

// ParseTrustedProxies reads --trust-proxy values: CIDR prefixes or single
// addresses, each value possibly a comma-separated list.
func ParseTrustedProxies(values []string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, v := range values {
		for _, item := range strings.Split(v, ",") {
			item = strings.TrimSpace(item)
			if item == "" {
				continue
			}
			if p, err := netip.ParsePrefix(item); err == nil {
				out = append(out, p.Masked())
				continue
			}
			a, err := netip.ParseAddr(item)
			if err != nil {
				return nil, errorText.Errorf(errBadProxy, item)
			}
			a = a.Unmap()
			out = append(out, netip.PrefixFrom(a, a.BitLen()))
		}
	}
	return out, nil
}

// trusted tells whether a is one of the proxies whose X-Forwarded-For the
// collector believes.
func (srv *Server) trusted(a netip.Addr) bool {
	a = a.Unmap()
	for _, p := range srv.opts.TrustedProxies {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// clientIP is the address the rate limit counts: the direct peer, or, when
// that peer is a trusted proxy, the nearest address in X-Forwarded-For that
// is not one. The header is read right to left because each proxy appends
// the peer it saw: what a client wrote itself is on the left and is never
// believed past the first untrusted hop.
func (srv *Server) clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	peer, err := netip.ParseAddr(host)
	if err != nil || !srv.trusted(peer) {
		return host
	}
	var hops []string
	for _, h := range r.Header.Values("X-Forwarded-For") {
		hops = append(hops, strings.Split(h, ",")...)
	}
	client := peer
	for i := len(hops) - 1; i >= 0; i-- {
		a, err := hopAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			break // not an address: what is left of it cannot be trusted either
		}
		client = a.Unmap()
		if !srv.trusted(client) {
			break
		}
	}
	return client.String()
}

// hopAddr reads one X-Forwarded-For entry: an address, or an address with
// a port as some proxies write it (1.2.3.4:5678, [2001:db8::1]:5678).
func hopAddr(hop string) (netip.Addr, error) {
	if a, err := netip.ParseAddr(hop); err == nil {
		return a, nil
	}
	ap, err := netip.ParseAddrPort(hop)
	return ap.Addr(), err
}

// allow applies the per-client rate limit over a sliding minute. Clients
// idle for a minute are forgotten: at most once a minute the whole table
// is swept, so the work is bounded by the requests of the last two minutes.
func (srv *Server) allow(ip string) bool {
	srv.rateMu.Lock()
	defer srv.rateMu.Unlock()
	now := srv.opts.Now()
	if now.Sub(srv.rateSwept) >= time.Minute {
		for k, ts := range srv.rate {
			if len(ts) == 0 || now.Sub(ts[len(ts)-1]) >= time.Minute {
				delete(srv.rate, k)
			}
		}
		srv.rateSwept = now
	}
	recent := srv.rate[ip][:0]
	for _, t := range srv.rate[ip] {
		if now.Sub(t) < time.Minute {
			recent = append(recent, t)
		}
	}
	if len(recent) >= srv.opts.RatePerMin {
		srv.rate[ip] = recent
		return false
	}
	srv.rate[ip] = append(recent, now)
	return true
}
