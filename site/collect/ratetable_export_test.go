package collect

// RateTableSize is how many client addresses the rate limit remembers.
func RateTableSize(srv *Server) int {
	srv.rateMu.Lock()
	defer srv.rateMu.Unlock()
	return len(srv.rate)
}
