import CCurl

/// Maps libcurl's error numbers to `NetError` codes and to messages a person can act on.
enum CurlErrors {
    static func error(for code: CURLcode, transfer: CurlTransfer, detail: String) -> NetError {
        let host = transfer.target.label
        let options = transfer.options
        let kind = self.code(for: code, exceededSize: transfer.exceededSize)
        let message: String
        switch kind {
        case .dnsFailure:
            message = "Could not resolve the host name \(transfer.target.host). Check the address and this server's DNS."
        case .connectionRefused:
            message = "Could not connect to \(host): nothing accepted the connection. Is the service running, and is the port right?"
        case .timeout:
            message = "\(host) did not answer in time (connect limit \(seconds(options.connectTimeout)), "
                + "whole request \(seconds(options.timeout)))."
        case .tls:
            message = "Secure connection to \(host) failed. If it uses a self-signed certificate, "
                + "turn off certificate verification for it."
        case .tooLarge:
            message = "The response from \(host) is larger than the limit of \(bytes(options.maxResponseBytes))."
        case .tooManyRedirects:
            message = "\(host) redirected too many times."
        case .invalidURL:
            message = "The URL for \(host) is not valid."
        case .cancelled:
            message = "The request to \(host) was cancelled."
        case .invalidRequest, .other:
            message = "The request to \(host) failed."
        }
        return NetError(kind, host: host, message: message, detail: detail, curlCode: Int(code.rawValue))
    }

    static func code(for code: CURLcode, exceededSize: Bool) -> NetError.Code {
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return .dnsFailure
        case CURLE_COULDNT_CONNECT:
            return .connectionRefused
        case CURLE_OPERATION_TIMEDOUT:
            return .timeout
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
            CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CRL_BADFILE, CURLE_SSL_ENGINE_NOTFOUND,
            CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ENGINE_INITFAILED, CURLE_USE_SSL_FAILED:
            return .tls
        case CURLE_FILESIZE_EXCEEDED:
            return .tooLarge
        case CURLE_WRITE_ERROR:
            return exceededSize ? .tooLarge : .other
        case CURLE_TOO_MANY_REDIRECTS:
            return .tooManyRedirects
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
            return .invalidURL
        case CURLE_ABORTED_BY_CALLBACK:
            return .cancelled
        default:
            return .other
        }
    }

    private static func seconds(_ duration: Duration) -> String {
        let ms = CurlTransfer.milliseconds(duration)
        return ms % 1000 == 0 ? "\(ms / 1000) s" : "\(ms) ms"
    }

    private static func bytes(_ count: Int) -> String {
        count >= 1 << 20 && count % (1 << 20) == 0 ? "\(count >> 20) MiB" : "\(count) bytes"
    }
}
