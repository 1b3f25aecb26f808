import Testing

@Test func metadataModuleBuilds() {}
