// IdkarrAuth
