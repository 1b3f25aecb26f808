// IdkarrIndexers: Newznab and Torznab indexers (Prowlarr's job).
//
// Layers, bottom-up:
// - reading (pure): `FeedReader` (search answers → `Feed` of `IndexerRelease`), `CapsReader`
//   (`t=caps` → `IndexerCaps`), both over a small strict XML reader; unreadable documents throw
//   `IndexerError`, unusable items are skipped with a reason;
// - querying (pure): `QueryBuilder` turns a `SearchRequest` and the caps into `IndexerQuery`s;
// - serving (pure), the feed idkarr offers other apps per indexer (Prowlarr's job): `FeedRequest`
//   reads an incoming Newznab call, `FeedWriter`, `CapsWriter` and `NewznabErrorDocument.xml`
//   write the answers (the inverses of the readers, over `XMLWriter`);
// - the wire: `NewznabClient` fetches caps and searches over `IdkarrNet`'s `HTTPTransport`,
//   classifying every failure into an `IndexerError`.
