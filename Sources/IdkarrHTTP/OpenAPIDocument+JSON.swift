extension OpenAPIDocument {
    static let json = #"{"openapi":"3.1.0","info":{"title":"idkarr","version":"0.1.0"},"paths":{}}"#
}
