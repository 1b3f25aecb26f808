// IdkarrIndexers: Newznab and Torznab indexers (Prowlarr's job).
//
// Layers, bottom-up:
// - reading (pure): `FeedReader` (search answers → `Feed` of `IndexerRelease`), `CapsReader`
//   (`t=caps` → `IndexerCaps`), both over a small strict XML reader; unreadable documents throw
//   `IndexerError`, unusable items are skipped with a reason;
// - querying (pure): `QueryBuilder` turns a `SearchRequest` and the caps into `IndexerQuery`s;
// - the wire: `NewznabClient` fetches caps and searches over `IdkarrNet`'s `HTTPTransport`,
//   classifying every failure into an `IndexerError`.
