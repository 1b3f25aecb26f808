import Hummingbird
import IdkarrParsing
import NIOCore

/// `GET /api/v1/parse?title=…`: what idkarr reads from a release name or file path (the same
/// JSON as `idkarr parse`).
struct ParseController {
    static let maxTitleLength = 4096

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("parse") { request, context in
            try context.requireUser()
            guard let title = request.formQuery.get("title"), !title.isEmpty else {
                throw APIError.invalid("title", "title is required: the release name or file path to read.")
            }
            guard title.utf8.count <= Self.maxTitleLength else {
                throw APIError.invalid("title", "title is longer than \(Self.maxTitleLength) bytes.")
            }
            let json = ReleaseParser.parse(title).jsonString()
            return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: json)))
        }
    }
}
