import Hummingbird
import NIOCore

/// The OpenAPI 3.1 description of the native API, served at `/api/v1/openapi.json`.
/// The document itself lives in `OpenAPIDocument+JSON.swift`; a schemathesis run against the live
/// server keeps it true.
enum OpenAPIDocument {
    static func response() -> Response {
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: json)))
    }
}
