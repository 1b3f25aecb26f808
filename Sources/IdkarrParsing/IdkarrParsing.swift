// IdkarrParsing
