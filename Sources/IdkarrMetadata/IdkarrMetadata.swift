// IdkarrMetadata: TMDB and TVmaze behind one protocol (issue 4).
//
// Files by role:
// - MetadataProvider.swift: the protocol, the query and the lookup id (`tmdb:603`, `tvdb:121361`, …)
// - MetadataModels.swift: what providers return (all ids, absolute image URLs, idkarr's MediaStatus)
// - MetadataError.swift: one error struct with a code, a message naming the provider, the cause
// - MediaMapping.swift: provider results → `Media` fields (pure)
// - ProviderFetcher.swift + RetryPolicy.swift: GET, 429/5xx handling, JSON decoding with clear errors
// - HTMLText.swift, AirDates.swift: small pure helpers for provider text and dates
// - TMDB/, TVmaze/: one folder per provider (client, settings, wire types, mapping)
