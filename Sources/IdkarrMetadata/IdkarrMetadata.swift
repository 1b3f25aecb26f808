// IdkarrMetadata: TMDB and TVmaze behind one protocol (issue 4).
