import Synchronization
import Testing

@testable import IdkarrNet

@Suite struct CurlHTTPClientTests {
    let client = CurlHTTPClient(configuration: NetConfiguration(connectTimeout: .seconds(5), timeout: .seconds(20)))

    @Test func getReturnsStatusHeadersAndBody() async throws {
        try await TestServer.run { server in
            var request = NetRequest.get(server.url("/echo"))
            request.headers["X-Test"] = "hello"
            let response = try await client.send(request)
            #expect(response.status == 200)
            #expect(response.isSuccess)
            #expect(response.headers["x-method"] == "GET")
            #expect(response.headers["X-ECHO-TEST"] == "hello")
            #expect(response.body.isEmpty)
            #expect(response.url == server.url("/echo"))
        }
    }

    @Test func postSendsBodyAndContentType() async throws {
        try await TestServer.run { server in
            let body = Array("{\"name\":\"Jackett\"}".utf8)
            let response = try await client.send(.post(server.url("/echo"), body: body, contentType: "application/json"))
            #expect(response.status == 200)
            #expect(response.headers["X-Method"] == "POST")
            #expect(response.headers["X-Echo-Content-Type"] == "application/json")
            #expect(response.body == body)

            var put = NetRequest(method: .put, url: server.url("/echo"), body: Array(repeating: 0x7a, count: 300_000))
            put.headers["Content-Type"] = "application/octet-stream"
            let putResponse = try await client.send(put)
            #expect(putResponse.headers["X-Method"] == "PUT")
            #expect(putResponse.body.count == 300_000)
        }
    }

    @Test(arguments: [200, 201, 204, 400, 401, 404, 429, 500, 503])
    func statusCodesAreResponses(code: Int) async throws {
        try await TestServer.run { server in
            let response = try await client.send(.get(server.url("/status/\(code)")))
            #expect(response.status == code)
            #expect(response.isSuccess == (code < 300))
        }
    }

    @Test func headersAreCaseInsensitiveAndRepeatable() async throws {
        try await TestServer.run { server in
            let response = try await client.send(.get(server.url("/headers")))
            #expect(response.headers["x-custom-header"] == "custom value")
            #expect(response.headers["X-Custom-Header"] == "custom value")
            #expect(response.headers.values(for: "set-cookie") == ["a=1", "b=2"])
            #expect(response.headers["content-length"] == "0")
            #expect(!"\(response.headers)".contains("a=1"), "description masks cookies")
        }
    }

    @Test func redirectsAreFollowedForGet() async throws {
        try await TestServer.run { server in
            let response = try await client.send(.get(server.url("/redirect/3")))
            #expect(response.status == 200)
            #expect(response.text == "arrived")
            #expect(response.redirectCount == 3)
            #expect(response.url == server.url("/redirect/0"))
        }
    }

    @Test func redirectLimit() async throws {
        try await TestServer.run { server in
            let error = await #expect(throws: NetError.self) {
                try await client.send(.get(server.url("/redirect/6")))
            }
            #expect(error?.code == .tooManyRedirects)
            #expect(error?.message.contains("127.0.0.1:\(server.port)") == true)

            var request = NetRequest.get(server.url("/redirect/6"))
            request.redirects = .follow(max: 10)
            let value1 = try await client.send(request)
            #expect(value1.status == 200)

            request.redirects = .never
            let unfollowed = try await client.send(request)
            #expect(unfollowed.status == 302)
            #expect(unfollowed.headers["Location"] == "/redirect/5")
        }
    }

    @Test func postDoesNotFollowRedirectsUnlessAsked() async throws {
        try await TestServer.run { server in
            let post = NetRequest.post(server.url("/redirect/1"), body: [1, 2], contentType: "application/octet-stream")
            let response = try await client.send(post)
            #expect(response.status == 302)
            var asked = post
            asked.redirects = .follow(max: 3)
            let followed = try await client.send(asked)
            #expect(followed.status == 200)
            #expect(followed.text == "arrived")
        }
    }

    @Test func basicAuthorization() async throws {
        #expect(NetRequest.base64([]) == "")
        #expect(NetRequest.base64(Array("f".utf8)) == "Zg==")
        #expect(NetRequest.base64(Array("fo".utf8)) == "Zm8=")
        #expect(NetRequest.base64(Array("foo".utf8)) == "Zm9v")
        #expect(NetRequest.base64(Array("foob".utf8)) == "Zm9vYg==")
        try await TestServer.run { server in
            var request = NetRequest.get(server.url("/echo"))
            request.setBasicAuthorization(user: "admin", password: "adminadmin")
            let response = try await client.send(request)
            #expect(response.headers["X-Echo-Authorization"] == "Basic YWRtaW46YWRtaW5hZG1pbg==")
        }
    }

    @Test func credentialHeadersStayWithinTheOrigin() async throws {
        try await TestServer.run { server in
            var request = NetRequest.get("")
            request.headers["X-Api-Key"] = "k1"
            request.headers["X-Test"] = "kept"
            // Same origin: the key goes along.
            request.url = server.url("/redirect-to?to=/echo")
            var response = try await client.send(request)
            #expect(response.headers["X-Echo-Api-Key"] == "k1")
            #expect(response.redirectCount == 1)
            // Another origin (localhost is another host name): the key is dropped, others kept.
            request.url = server.url("/redirect-to?to=http://localhost:\(server.port)/echo")
            response = try await client.send(request)
            #expect(response.status == 200)
            #expect(response.headers["X-Echo-Api-Key"] == "-")
            #expect(response.headers["X-Echo-Test"] == "kept")
        }
    }

    @Test(arguments: [(302, "GET", 0), (303, "GET", 0), (307, "POST", 3), (308, "POST", 3)])
    func methodAfterRedirect(status: Int, method: String, bodyCount: Int) async throws {
        try await TestServer.run { server in
            var request = NetRequest.post(server.url("/redirect-to?status=\(status)&to=/echo"), body: [1, 2, 3],
                                          contentType: "application/octet-stream")
            request.redirects = .follow(max: 1)
            let response = try await client.send(request)
            #expect(response.status == 200)
            #expect(response.headers["X-Method"] == method)
            #expect(response.body.count == bodyCount)
        }
    }

    @Test func redirectToAnotherSchemeIsRefused() async throws {
        try await TestServer.run { server in
            let error = await #expect(throws: NetError.self) {
                try await client.send(.get(server.url("/redirect-to?to=file:///etc/passwd")))
            }
            #expect(error?.code == .invalidURL)
        }
    }

    @Test func sizeLimitWithContentLength() async throws {
        try await TestServer.run { server in
            var request = NetRequest.get(server.url("/big/200000"))
            request.maxResponseBytes = 100_000
            let error = await #expect(throws: NetError.self) { try await client.send(request) }
            #expect(error?.code == .tooLarge)
            request.maxResponseBytes = 200_000
            let value2 = try await client.send(request)
            #expect(value2.body.count == 200_000)
        }
    }

    @Test func sizeLimitWhileStreaming() async throws {
        try await TestServer.run { server in
            let small = CurlHTTPClient(configuration: NetConfiguration(maxResponseBytes: 1 << 20))
            let error = await #expect(throws: NetError.self) {
                try await small.send(.get(server.url("/chunked/5000000")))
            }
            #expect(error?.code == .tooLarge)
            #expect(error?.message.contains("1 MiB") == true)
            let value3 = try await small.send(.get(server.url("/chunked/1048576")))
            #expect(value3.body.count == 1 << 20)
        }
    }

    @Test func timeout() async throws {
        try await TestServer.run { server in
            // The server would answer after 60 s; only the client's 300 ms timeout can end it sooner.
            // The bound is loose on purpose: a loaded CI machine may be slow, never 30 s slow.
            var request = NetRequest.get(server.url("/slow/60000"))
            request.timeout = .milliseconds(300)
            let start = ContinuousClock.now
            let error = await #expect(throws: NetError.self) { try await client.send(request) }
            #expect(error?.code == .timeout)
            #expect(error?.isTransient == true)
            #expect(ContinuousClock.now - start < .seconds(30))
        }
    }

    @Test func connectionRefusedWithoutLeakingSecrets() async throws {
        // Port 1 (tcpmux) has no listener on any normal machine.
        let error = await #expect(throws: NetError.self) {
            try await client.send(.get("http://127.0.0.1:1/api?t=caps&apikey=secret"))
        }
        #expect(error?.code == .connectionRefused)
        #expect(error?.host == "127.0.0.1:1")
        let text = "\(error.map { "\($0) \($0.message) \($0.detail ?? "")" } ?? "")"
        #expect(text.contains("127.0.0.1:1"))
        #expect(!text.contains("secret"))
    }

    @Test func dnsFailure() async throws {
        let error = await #expect(throws: NetError.self) {
            try await client.send(.get("http://idkarr-test.invalid/api?apikey=secret"))
        }
        #expect(error?.code == .dnsFailure)
        #expect(error?.message.contains("idkarr-test.invalid") == true)
        #expect(error.map { "\($0)".contains("secret") } == false)
    }

    @Test(arguments: [
        "not a url?apikey=secret", "ftp://example.com/file?apikey=secret", "file:///etc/passwd",
        "http://exa mple.com/?apikey=secret", "http://?apikey=secret", "http://:80/?apikey=secret", "", "//example.com/?apikey=secret",
    ])
    func invalidURLs(url: String) async throws {
        let error = await #expect(throws: NetError.self) { try await client.send(.get(url)) }
        #expect(error?.code == .invalidURL)
        #expect(error.map { "\($0)".contains("secret") } == false)
    }

    @Test func headerInjectionIsRefused() async throws {
        var request = NetRequest.get("http://127.0.0.1:1/")
        request.headers["X-Test"] = "a\r\nX-Evil: 1"
        let error = await #expect(throws: NetError.self) { try await client.send(request) }
        #expect(error?.code == .invalidRequest)
    }

    @Test func gzipIsDecoded() async throws {
        try await TestServer.run { server in
            let echo = try await client.send(.get(server.url("/echo")))
            #expect(echo.headers["X-Echo-Accept-Encoding"]?.contains("gzip") == true)
            let response = try await client.send(.get(server.url("/gzip")))
            #expect(response.text == TestServer.gzipText)
        }
    }

    @Test func tlsFailureAgainstAPlainHTTPPort() async throws {
        try await TestServer.run { server in
            let error = await #expect(throws: NetError.self) {
                try await client.send(.get("https://127.0.0.1:\(server.port)/echo"))
            }
            #expect(error?.code == .tls)
            #expect(error?.message.contains("certificate verification") == true)
        }
    }

    @Test func cancellationAbortsTheTransfer() async throws {
        // A client whose own timeout (10 min) cannot be what ends the request: only cancellation can.
        let patient = CurlHTTPClient(configuration: NetConfiguration(connectTimeout: .seconds(5), timeout: .seconds(600)))
        try await TestServer.run { server in
            let start = ContinuousClock.now
            let task = Task { try await patient.send(.get(server.url("/hang"))) }
            for await _ in server.events.hangStarted { break }
            task.cancel()
            let result = await task.result
            #expect(throws: NetError.self) { try result.get() }
            if case .failure(let error as NetError) = result {
                #expect(error.code == .cancelled)
            }
            #expect(ContinuousClock.now - start < .seconds(120))
            // The client still works afterwards.
            let value4 = try await patient.send(.get(server.url("/status/204")))
            #expect(value4.status == 204)
        }
    }

    @Test func alreadyCancelledTaskFailsFast() async throws {
        try await TestServer.run { server in
            let task = Task {
                withUnsafeCurrentTask { $0?.cancel() }
                return try await client.send(.get(server.url("/slow/3000")))
            }
            let result = await task.result
            if case .failure(let error as NetError) = result {
                #expect(error.code == .cancelled)
            } else {
                Issue.record("expected a cancellation error, got \(result)")
            }
        }
    }

    @Test func clientsCanComeAndGo() async throws {
        try await TestServer.run { server in
            for _ in 0..<10 {
                let shortLived = CurlHTTPClient()
                let response = try await shortLived.send(.get(server.url("/status/200")))
                #expect(response.status == 200)
            }
        }
    }

    @Test func manyConcurrentRequests() async throws {
        try await TestServer.run { server in
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for i in 0..<30 {
                    group.addTask { try await client.send(.get(server.url(i % 2 == 0 ? "/slow/100" : "/big/50000"))).status }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.count == 30)
            #expect(statuses.allSatisfy { $0 == 200 })
        }
    }

    @Test func perHostSpacing() async throws {
        try await TestServer.run { server in
            let spaced = CurlHTTPClient(configuration: NetConfiguration(minimumHostInterval: .milliseconds(250)))
            let start = ContinuousClock.now
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<4 {
                    group.addTask { _ = try await spaced.send(.get(server.url("/hit"))) }
                }
                try await group.waitForAll()
            }
            // The fourth request can't start before 3 intervals have passed. (Arrival gaps at the
            // server are not asserted: connection set-up jitter on a busy box makes them flaky.)
            #expect(ContinuousClock.now - start >= .milliseconds(750))
            #expect(server.events.hits.withLock { $0.count } == 4)
        }
    }

    @Test func perHostSpacingWithAnInjectedClock() async throws {
        try await TestServer.run { server in
            let clock = StepClock(advancesOnSleep: false)
            let configuration = NetConfiguration(hostIntervals: ["127.0.0.1": .seconds(30)])
            let spaced = CurlHTTPClient(configuration: configuration, clock: clock)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<4 {
                    group.addTask { _ = try await spaced.send(.get(server.url("/hit"))) }
                }
                try await group.waitForAll()
            }
            #expect(clock.slept.sorted() == [.seconds(30), .seconds(60), .seconds(90)])
            // Another host (by name) is not held back by 127.0.0.1's queue.
            _ = try await spaced.send(.get("http://localhost:\(server.port)/hit"))
            #expect(clock.slept.count == 3)
            // A request may set its own interval.
            var request = NetRequest.get(server.url("/hit"))
            request.minimumHostInterval = .zero
            _ = try await spaced.send(request)
            #expect(clock.slept.count == 3)
        }
    }
}
