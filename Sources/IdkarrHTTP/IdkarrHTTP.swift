// IdkarrHTTP
