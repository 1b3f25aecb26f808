import Foundation
import HTTPTypes
import Testing

@Suite("Accounts over HTTP")
struct AuthTests {
    @Test func setupHappensOnceThenLoginLogout() async throws {
        try await TestApp.make().run { c in
            var status = try await c.send(.get, "/api/v1/auth/status")
            #expect(status.object["setupRequired"] as? Bool == true)

            let first = try await c.send(.post, "/api/v1/auth/register", ["username": "alice", "password": "correct horse battery"])
            #expect(first.status == .created)
            #expect(first.object["role"] as? String == "admin")
            #expect(first.object["passwordHash"] == nil)
            let setCookie = try #require(first.headers[values: .setCookie].first)
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax") && !setCookie.contains("Secure"))

            status = try await c.send(.get, "/api/v1/auth/status")
            #expect(status.object["setupRequired"] as? Bool == false)

            let second = try await c.send(.post, "/api/v1/auth/register", ["username": "mallory", "password": "whatever12345"])
            #expect(second.status == .forbidden && second.isProblem)

            let wrong = try await c.send(.post, "/api/v1/auth/login", ["username": "alice", "password": "wrong password"])
            #expect(wrong.status == .unauthorized && wrong.isProblem)
            let login = try await c.send(.post, "/api/v1/auth/login", ["username": "ALICE", "password": "correct horse battery"])
            #expect(login.status == .ok)
            let token = try #require(login.sessionCookie)
            let me = try await c.send(.get, "/api/v1/auth/me", auth: .cookie(token))
            #expect(me.object["username"] as? String == "alice")

            #expect(try await c.send(.post, "/api/v1/auth/logout", auth: .cookie(token)).status == .noContent)
            #expect(try await c.send(.get, "/api/v1/auth/me", auth: .cookie(token)).status == .unauthorized)
        }
    }

    @Test func repeatedFailuresAreRateLimited() async throws {
        try await TestApp.make().run { c in
            _ = try await c.setUpAdmin()
            var last: Client.Reply?
            for _ in 0..<8 {
                last = try await c.send(.post, "/api/v1/auth/login", ["username": "admin", "password": "not the password"])
                if last?.status == .tooManyRequests { break }
            }
            let reply = try #require(last)
            #expect(reply.status == .tooManyRequests)
            let retry = try #require(reply.headers[.retryAfter].flatMap { Int($0) })
            #expect(retry >= 1)
            // Even the right password is refused while blocked.
            let right = try await c.send(.post, "/api/v1/auth/login", ["username": "admin", "password": "correct horse battery"])
            #expect(right.status == .tooManyRequests)
        }
    }

    @Test func apiKeyLifecycle() async throws {
        try await TestApp.make().run { c in
            let cookie = try await c.setUpAdmin()
            let created = try await c.send(.post, "/api/v1/auth/api-keys", ["name": "sonarr"], auth: .cookie(cookie))
            #expect(created.status == .created)
            let key = try #require(created.object["key"] as? String)
            let id = try #require(created.object["id"] as? Int)

            let list = try await c.send(.get, "/api/v1/auth/api-keys", auth: .cookie(cookie))
            #expect(list.records.count == 1)
            #expect(list.records[0]["key"] == nil)
            #expect(!list.text.contains(key))
            #expect(list.records[0]["prefix"] as? String == String(key.prefix(6)))

            #expect(try await c.send(.get, "/api/v1/auth/me", auth: .apiKey(key)).status == .ok)
            #expect(try await c.send(.get, "/api/v1/auth/me?apikey=\(key)").status == .ok)
            #expect(try await c.send(.get, "/api/v1/auth/me", auth: .apiKey(String(repeating: "0", count: 64))).status == .unauthorized)

            #expect(try await c.send(.delete, "/api/v1/auth/api-keys/\(id)", auth: .cookie(cookie)).status == .noContent)
            #expect(try await c.send(.get, "/api/v1/auth/me", auth: .apiKey(key)).status == .unauthorized)
        }
    }

    @Test func cookieWritesNeedSameOrigin() async throws {
        try await TestApp.make().run { c in
            let cookie = try await c.setUpAdmin()
            let body = ["name": "TV", "mediaType": "series"]
            let foreign = try await c.send(.post, "/api/v1/instances", body, auth: .cookie(cookie),
                                           headers: [HTTPField.Name("Origin")!: "http://evil.example"])
            #expect(foreign.status == .forbidden)
            var noOrigin = HTTPFields()
            noOrigin[.cookie] = "idkarr_session=\(cookie)"
            let bare = try await c.send(.post, "/api/v1/instances", body, headers: noOrigin)
            #expect(bare.status == .forbidden)
            #expect(try await c.send(.get, "/api/v1/instances", headers: noOrigin).status == .ok)
            #expect(try await c.send(.post, "/api/v1/instances", body, auth: .cookie(cookie)).status == .created)
            #expect(try await c.send(.get, "/api/v1/instances").status == .unauthorized)
        }
    }

    @Test func adminRoutesRefuseOrdinaryUsers() async throws {
        try await TestApp.make().run { c in
            let admin = try await c.setUpAdmin()
            let made = try await c.send(.post, "/api/v1/users", ["username": "bob", "password": "bobs password"], auth: .cookie(admin))
            #expect(made.status == .created && made.object["role"] as? String == "user")
            let bobId = try #require(made.object["id"] as? Int)
            let bob = try #require(try await c.send(.post, "/api/v1/auth/login", ["username": "bob", "password": "bobs password"]).sessionCookie)

            let adminOnly: [(HTTPRequest.Method, String, Any?)] = [
                (.get, "/api/v1/users", nil), (.post, "/api/v1/users", ["username": "x", "password": "12345678"]),
                (.put, "/api/v1/users/1", ["role": "user"]), (.delete, "/api/v1/users/1", nil),
                (.get, "/api/v1/settings/general", nil), (.put, "/api/v1/settings/general", ["registrationOpen": true, "trustedProxies": []]),
                (.post, "/api/v1/instances", ["name": "x", "mediaType": "movie"]), (.put, "/api/v1/instances/1", ["name": "x", "mediaType": "movie"]),
                (.delete, "/api/v1/instances/1", nil), (.post, "/api/v1/rootfolders", ["path": "/tmp", "instanceId": 1]),
                (.delete, "/api/v1/rootfolders/1", nil), (.post, "/api/v1/tags", ["label": "x"]), (.put, "/api/v1/tags/1", ["label": "y"]),
                (.delete, "/api/v1/tags/1", nil), (.put, "/api/v1/qualitydefinitions/1", ["minSize": 1]),
                (.post, "/api/v1/qualityprofiles", ["name": "x"]), (.put, "/api/v1/qualityprofiles/1", ["name": "x"]),
                (.delete, "/api/v1/qualityprofiles/1", nil), (.post, "/api/v1/media", ["title": "x"]),
                (.put, "/api/v1/media/1", ["title": "x"]), (.delete, "/api/v1/media/1", nil),
                (.put, "/api/v1/media/1/monitor", ["monitored": true]), (.get, "/api/v1/system/backup", nil),
                (.get, "/api/v1/settings/metadata", nil), (.put, "/api/v1/settings/metadata", ["tmdbApiKey": "x"]),
                (.post, "/api/v1/media/add", ["lookupId": "tvmaze:82", "instanceId": 1]), (.post, "/api/v1/media/1/refresh", nil),
                (.post, "/api/v1/indexers", ["name": "x"]), (.put, "/api/v1/indexers/1", ["name": "x"]), (.delete, "/api/v1/indexers/1", nil),
            ]
            for (method, uri, body) in adminOnly {
                let asBob = try await c.send(method, uri, body, auth: .cookie(bob))
                #expect(asBob.status == .forbidden, "\(method) \(uri) as user: \(asBob.status)")
                let anonymous = try await c.send(method, uri, body)
                #expect(anonymous.status == .unauthorized || anonymous.status == .forbidden, "\(method) \(uri) anonymous: \(anonymous.status)")
            }
            // A user reads their own record, not another's.
            #expect(try await c.send(.get, "/api/v1/users/\(bobId)", auth: .cookie(bob)).status == .ok)
            #expect(try await c.send(.get, "/api/v1/users/1", auth: .cookie(bob)).status == .notFound)
        }
    }

    @Test func lastAdminStaysAndDisabledUsersAreSignedOut() async throws {
        try await TestApp.make().run { c in
            let admin = try await c.setUpAdmin()
            let me = try await c.send(.get, "/api/v1/auth/me", auth: .cookie(admin))
            let adminId = try #require(me.object["id"] as? Int)
            #expect(try await c.send(.put, "/api/v1/users/\(adminId)", ["role": "user"], auth: .cookie(admin)).status == .conflict)
            #expect(try await c.send(.delete, "/api/v1/users/\(adminId)", auth: .cookie(admin)).status == .conflict)

            let made = try await c.send(.post, "/api/v1/users", ["username": "carol", "password": "carols password"], auth: .cookie(admin))
            let carolId = try #require(made.object["id"] as? Int)
            let carol = try #require(try await c.send(.post, "/api/v1/auth/login", ["username": "carol", "password": "carols password"]).sessionCookie)
            #expect(try await c.send(.put, "/api/v1/users/\(carolId)", ["disabled": true], auth: .cookie(admin)).status == .ok)
            #expect(try await c.send(.get, "/api/v1/auth/me", auth: .cookie(carol)).status == .unauthorized)
            let again = try await c.send(.post, "/api/v1/auth/login", ["username": "carol", "password": "carols password"])
            #expect(again.status == .unauthorized)

            // With a second admin the first may step down.
            #expect(try await c.send(.put, "/api/v1/users/\(carolId)", ["disabled": false, "role": "admin"], auth: .cookie(admin)).status == .ok)
            #expect(try await c.send(.put, "/api/v1/users/\(adminId)", ["role": "user"], auth: .cookie(admin)).status == .ok)
        }
    }

    @Test func openRegistrationLetsOthersJoin() async throws {
        try await TestApp.make().run { c in
            let admin = try await c.setUpAdmin()
            let open = try await c.send(.put, "/api/v1/settings/general", ["registrationOpen": true, "trustedProxies": []], auth: .cookie(admin))
            #expect(open.status == .ok)
            let joined = try await c.send(.post, "/api/v1/auth/register", ["username": "dave", "password": "daves password"])
            #expect(joined.status == .created && joined.object["role"] as? String == "user")
            let taken = try await c.send(.post, "/api/v1/auth/register", ["username": "Dave", "password": "daves password"])
            #expect(taken.status == .conflict)
            let short = try await c.send(.post, "/api/v1/auth/register", ["username": "eve", "password": "short"])
            #expect(short.status == .badRequest)
            #expect((short.object["errors"] as? [[String: Any]])?.first?["field"] as? String == "password")
        }
    }
}

@Suite("Audit and parse")
struct AuditAndParseTests {
    @Test func auditLogRecordsSignInsAndFailures() async throws {
        try await TestApp.make().run { c in
            let cookie = try await c.setUpAdmin()
            _ = try await c.send(.post, "/api/v1/auth/login", ["username": "admin", "password": "wrong one"])
            _ = try await c.send(.post, "/api/v1/users", ["username": "bob", "password": "bobs password"], auth: .cookie(cookie))
            let audit = try await c.send(.get, "/api/v1/system/audit?limit=10", auth: .cookie(cookie))
            #expect(audit.status == .ok)
            let actions = audit.records.compactMap { $0["action"] as? String }
            #expect(actions == ["user.create", "login.failure", "setup.admin"])
            #expect(!audit.text.contains("wrong one"))
            #expect(try await c.send(.get, "/api/v1/system/audit?limit=0", auth: .cookie(cookie)).status == .badRequest)
        }
    }

    @Test func concurrentFirstRegistrationsMakeOneAdmin() async throws {
        try await TestApp.make().run { c in
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for i in 0..<8 {
                    group.addTask {
                        let reply = try await c.send(.post, "/api/v1/auth/register", ["username": "user\(i)", "password": "password \(i)!"])
                        return Int(reply.status.code)
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 201 }.count == 1)
            #expect(statuses.filter { $0 == 403 }.count == 7)
        }
    }

    @Test func parseEndpoint() async throws {
        try await TestApp.make().run { c in
            let key = try await c.adminKey()
            let reply = try await c.send(.get, "/api/v1/parse?title=Series.Title.S01E05.720p.HDTV.x264-GRP", auth: .apiKey(key))
            #expect(reply.status == .ok)
            #expect(reply.object["seasonNumber"] as? Int == 1)
            #expect(reply.object["episodeNumbers"] as? [Int] == [5])
            #expect(try await c.send(.get, "/api/v1/parse", auth: .apiKey(key)).status == .badRequest)
            // Form encoding: `+` is a space, `%2B` a plus.
            let spaced = try await c.send(.get, "/api/v1/parse?title=Doctor+Who+2005+S01E01+720p", auth: .apiKey(key))
            #expect(spaced.object["seriesTitle"] as? String == "Doctor Who 2005")
            let plus = try await c.send(.get, "/api/v1/parse?title=Show%2BPlus.S01E01", auth: .apiKey(key))
            #expect((plus.object["releaseTitle"] as? String)?.contains("Show+Plus") == true)
            #expect(try await c.send(.get, "/api/v1/parse?title=x").status == .unauthorized)
        }
    }
}

@Suite("Forwarded addresses")
struct ForwardedAddressTests {
    /// `X-Forwarded-For` counts only when the direct peer is a configured trusted proxy.
    @Test func forwardedForIsIgnoredUnlessThePeerIsTrusted() async throws {
        try await TestApp.make().run { c in
            let cookie = try await c.setUpAdmin()
            let forwarded: HTTPFields = [HTTPField.Name("X-Forwarded-For")!: "198.51.100.7, 203.0.113.9"]
            _ = try await c.send(.post, "/api/v1/auth/login", ["username": "admin", "password": "nope nope"], headers: forwarded)
            #expect(try await c.send(.put, "/api/v1/settings/general", ["registrationOpen": false, "trustedProxies": ["127.0.0.1", "::1"]],
                                     auth: .cookie(cookie)).status == .ok)
            _ = try await c.send(.post, "/api/v1/auth/login", ["username": "admin", "password": "nope nope"], headers: forwarded)
            let audit = try await c.send(.get, "/api/v1/system/audit?limit=10", auth: .cookie(cookie))
            let addresses = audit.records.filter { $0["action"] as? String == "login.failure" }.compactMap { $0["address"] as? String }
            #expect(addresses.count == 2)
            #expect(addresses.first == "203.0.113.9")
            #expect(addresses.last != "203.0.113.9" && addresses.last != "198.51.100.7")
            let bad = try await c.send(.put, "/api/v1/settings/general", ["registrationOpen": false, "trustedProxies": ["not-an-ip"]],
                                       auth: .cookie(cookie))
            #expect(bad.status == .badRequest)
        }
    }
}
