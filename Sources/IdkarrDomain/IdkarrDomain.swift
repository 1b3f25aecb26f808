// IdkarrDomain
