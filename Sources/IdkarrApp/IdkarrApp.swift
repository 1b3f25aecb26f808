// IdkarrApp
