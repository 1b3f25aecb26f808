import CCurl
import Synchronization

/// One request in flight (one hop: curl never follows redirects itself, `CurlHTTPClient` does):
/// its easy handle, what has arrived so far, and the continuation to resume. Created by
/// `CurlHTTPClient`, then owned by the engine's thread.
///
/// `@unchecked Sendable` because it crosses from the caller's task to the curl thread once;
/// after `CurlEngine.submit` only that thread touches the mutable fields (curl calls the write
/// and header callbacks on it). The one thing other threads touch is `cancelled`, an atomic.
final class CurlTransfer: @unchecked Sendable {
    struct Options {
        let connectTimeout: Duration
        let timeout: Duration
        let maxResponseBytes: Int
        let verifyTLS: Bool
        let userAgent: String
    }

    /// The response of one hop, and where a 3xx points (absolute), as curl resolved it.
    struct Outcome: Sendable {
        let response: NetResponse
        let redirectURL: String?
    }

    let target: TargetURL
    let options: Options
    let easy: UnsafeMutableRawPointer
    private let cancelledFlag = Atomic<Bool>(false)
    private var continuation: CheckedContinuation<Result<Outcome, NetError>, Never>?
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)

    // Curl thread only:
    private var body: [UInt8] = []
    private var headers = NetHeaders()
    private(set) var exceededSize = false

    init(request: NetRequest, target: TargetURL, options: Options) throws(NetError) {
        guard let easy = curl_easy_init() else {
            throw NetError(.other, host: target.label, message: "Could not set up a request to \(target.label).")
        }
        self.easy = easy
        self.target = target
        self.options = options
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        try configure(request)
    }

    deinit {
        curl_easy_cleanup(easy)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    // MARK: cancellation (any thread)

    var isCancelled: Bool { cancelledFlag.load(ordering: .acquiring) }

    func markCancelled() { cancelledFlag.store(true, ordering: .releasing) }

    // MARK: completion (curl thread)

    /// Sets the continuation; called once, before the transfer is submitted.
    func attach(_ continuation: CheckedContinuation<Result<Outcome, NetError>, Never>) {
        self.continuation = continuation
    }

    func finish(_ result: Result<Outcome, NetError>) {
        continuation?.resume(returning: result)
        continuation = nil
    }

    /// Turns curl's verdict into a response or an error and resumes the caller.
    func complete(with code: CURLcode) {
        if code == CURLE_OK {
            finish(.success(response()))
        } else if isCancelled {
            finish(.failure(.cancelled(host: target.label)))
        } else {
            let detail = String(cString: errorBuffer)
            let words = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
            finish(.failure(CurlErrors.error(for: code, transfer: self, detail: words)))
        }
    }

    private func response() -> Outcome {
        var status = 0
        var effectiveURL: UnsafeMutablePointer<CChar>?
        var redirectURL: UnsafeMutablePointer<CChar>?
        _ = idk_curl_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
        _ = idk_curl_getinfo_string(easy, CURLINFO_EFFECTIVE_URL, &effectiveURL)
        _ = idk_curl_getinfo_string(easy, CURLINFO_REDIRECT_URL, &redirectURL)
        let response = NetResponse(
            status: status, headers: headers, body: body, url: effectiveURL.map { String(cString: $0) } ?? "")
        return Outcome(response: response, redirectURL: redirectURL.map { String(cString: $0) })
    }

    // MARK: data callbacks (curl thread)

    fileprivate func receiveBody(_ data: UnsafeRawBufferPointer) -> Int {
        guard body.count + data.count <= options.maxResponseBytes else {
            exceededSize = true
            return 0  // anything but data.count makes curl abort with CURLE_WRITE_ERROR
        }
        body.append(contentsOf: data)
        return data.count
    }

    fileprivate func receiveHeaderLine(_ data: UnsafeRawBufferPointer) -> Int {
        var line = String(decoding: data, as: UTF8.self)
        while line.hasSuffix("\n") || line.hasSuffix("\r") || line.hasSuffix("\r\n") { line.removeLast() }
        if line.hasPrefix("HTTP/") {
            headers = NetHeaders()  // a new response: an interim 1xx or the next hop of a redirect
        } else if let colon = line.firstIndex(of: ":") {
            let name = String(line[..<colon]).trimmingSpaces()
            let value = String(line[line.index(after: colon)...]).trimmingSpaces()
            if !name.isEmpty { headers.add(name: name, value: value) }
        }
        return data.count
    }
}

// MARK: easy handle setup

extension CurlTransfer {
    private func configure(_ request: NetRequest) throws(NetError) {
        let host = target.label
        let invalid = { (why: String) in NetError(.invalidRequest, host: host, message: "Request to \(host): \(why)") }
        var ok = true
        func set(_ option: CURLoption, _ value: Int) { ok = ok && idk_curl_setopt_long(easy, option, value) == CURLE_OK }
        func set(_ option: CURLoption, _ value: String) {
            ok = ok && idk_curl_setopt_string(easy, option, value) == CURLE_OK
        }

        set(CURLOPT_URL, request.url)
        set(CURLOPT_PROTOCOLS_STR, "http,https")
        set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        set(CURLOPT_NOSIGNAL, 1)
        set(CURLOPT_ACCEPT_ENCODING, "")  // every encoding curl can decode; the body arrives decoded
        set(CURLOPT_USERAGENT, options.userAgent)
        set(CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(options.connectTimeout))
        set(CURLOPT_TIMEOUT_MS, Self.milliseconds(options.timeout))
        set(CURLOPT_FOLLOWLOCATION, 0)  // see CurlHTTPClient.send
        set(CURLOPT_SSL_VERIFYPEER, options.verifyTLS ? 1 : 0)
        set(CURLOPT_SSL_VERIFYHOST, options.verifyTLS ? 2 : 0)
        ok = ok && idk_curl_setopt_off_t(easy, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(options.maxResponseBytes)) == CURLE_OK
        ok = ok && idk_curl_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer) == CURLE_OK

        let method = request.method.rawValue
        guard !method.isEmpty, method.utf8.allSatisfy(Self.isTokenByte) else { throw invalid("the method is not valid.") }
        try setMethod(request.method, body: request.body, ok: &ok)
        try setHeaders(request.headers, hasBody: request.body != nil, invalid: invalid, ok: &ok)
        setCallbacks(ok: &ok)
        guard ok else { throw NetError(.other, host: host, message: "Could not set up a request to \(host).") }
    }

    private func setMethod(_ method: NetRequest.Method, body: [UInt8]?, ok: inout Bool) throws(NetError) {
        switch method {
        case .get where body == nil:
            ok = ok && idk_curl_setopt_long(easy, CURLOPT_HTTPGET, 1) == CURLE_OK
        case .head where body == nil:
            ok = ok && idk_curl_setopt_long(easy, CURLOPT_NOBODY, 1) == CURLE_OK
        default:
            if method != .post {
                ok = ok && idk_curl_setopt_string(easy, CURLOPT_CUSTOMREQUEST, method.rawValue) == CURLE_OK
            }
            if let body {
                // COPYPOSTFIELDS copies the bytes (size set first), so the array needn't outlive this call.
                ok = ok && idk_curl_setopt_off_t(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)) == CURLE_OK
                if body.isEmpty {
                    ok = ok && idk_curl_setopt_string(easy, CURLOPT_COPYPOSTFIELDS, "") == CURLE_OK
                } else {
                    ok = ok && body.withUnsafeBytes { bytes in
                        idk_curl_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress)) == CURLE_OK
                    }
                }
            } else if method == .post {
                ok = ok && idk_curl_setopt_long(easy, CURLOPT_POSTFIELDSIZE, 0) == CURLE_OK
                ok = ok && idk_curl_setopt_string(easy, CURLOPT_COPYPOSTFIELDS, "") == CURLE_OK
            }
        }
    }

    private func setHeaders(
        _ headers: NetHeaders, hasBody: Bool, invalid: (String) -> NetError, ok: inout Bool
    ) throws(NetError) {
        var lines: [String] = []
        for field in headers {
            guard !field.name.isEmpty, field.name.utf8.allSatisfy(Self.isTokenByte) else {
                throw invalid("a header name is not valid.")
            }
            guard !field.value.utf8.contains(where: { $0 == 13 || $0 == 10 || $0 == 0 }) else {
                throw invalid("the value of header \(field.name) contains a line break.")
            }
            // "Name;" is curl's way to send a header with an empty value ("Name:" would remove it).
            lines.append(field.value.isEmpty ? "\(field.name);" : "\(field.name): \(field.value)")
        }
        if hasBody && !headers.contains("Expect") {
            lines.append("Expect:")  // no 100-continue round trip for large bodies
        }
        for line in lines {
            guard let appended = curl_slist_append(headerList, line) else { ok = false; return }
            headerList = appended
        }
        if let headerList {
            ok = ok && idk_curl_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList) == CURLE_OK
        }
    }

    private func setCallbacks(ok: inout Bool) {
        let me = Unmanaged.passUnretained(self).toOpaque()
        ok = ok && idk_curl_setopt_write_callback(easy, CURLOPT_WRITEFUNCTION, { data, size, count, context in
            guard let context, let data else { return 0 }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
            return transfer.receiveBody(UnsafeRawBufferPointer(start: UnsafeRawPointer(data), count: size * count))
        }) == CURLE_OK
        ok = ok && idk_curl_setopt_pointer(easy, CURLOPT_WRITEDATA, me) == CURLE_OK
        ok = ok && idk_curl_setopt_write_callback(easy, CURLOPT_HEADERFUNCTION, { data, size, count, context in
            guard let context, let data else { return 0 }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
            return transfer.receiveHeaderLine(UnsafeRawBufferPointer(start: UnsafeRawPointer(data), count: size * count))
        }) == CURLE_OK
        ok = ok && idk_curl_setopt_pointer(easy, CURLOPT_HEADERDATA, me) == CURLE_OK
    }

    static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }

    /// RFC 9110 token characters (method and header names).
    private static func isTokenByte(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "!#$%&'*+-.^_`|~".utf8.contains(c)
        }
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
