import DossierKit
import Foundation
import Synchronization
import Testing
@testable import DossierServer

/// The preview server on a free port, driven by a real HTTP client over loopback.
@Suite(.serialized) struct PreviewServerTests {
    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// A running server over a temporary copy of the seed dossier.
    final class Running: Sendable {
        let root: String
        let server: PreviewServer
        let port: Int
        let task: Task<Void, Error>
        let logLines = Mutex<[String]>([])

        init() async throws {
            root = NSTemporaryDirectory() + "dossier-serve-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: PreviewServerTests.repositoryRoot + "/content", toPath: root + "/content")
            try FileManager.default.copyItem(atPath: PreviewServerTests.repositoryRoot + "/templates", toPath: root + "/templates")
            let build = BuildOptions(content: root + "/content", templates: root + "/templates", output: root + "/public")
            let lines = Mutex<[String]>([])
            let server = try PreviewServer(options: ServeOptions(build: build, port: 0)) { line in lines.withLock { $0.append(line) } }
            self.server = server
            let (ports, continuation) = AsyncStream<Int>.makeStream()
            task = Task { try await server.run { continuation.yield($0) } }
            var iterator = ports.makeAsyncIterator()
            port = await iterator.next() ?? 0
        }

        func get(_ target: String, method: String = "GET", headers: [String: String] = [:], host: String? = nil) async throws -> RawHTTPResponse {
            let port = port
            return try await offThePool { try RawHTTPClient.request(port: port, method: method, target: target, headers: headers, host: host) }
        }

        func edit(_ relative: String, _ change: (String) -> String) throws {
            let path = root + "/" + relative
            try change(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: false, encoding: .utf8)
        }

        func stop() {
            task.cancel()
            try? FileManager.default.removeItem(atPath: root)
        }
    }

    @Test func servesPagesWithTypesFoldersAndNotFound() async throws {
        let site = try await Running()
        defer { site.stop() }
        let home = try await site.get("/")
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.text.contains("<html lang=\"hi\">"))
        let expectedTypes = ["/assets/style.css": "text/css; charset=utf-8",
                             "/data/entities.json": "application/json; charset=utf-8",
                             "/feed.xml": "application/atom+xml; charset=utf-8",
                             "/sitemap.xml": "application/xml; charset=utf-8",
                             "/people/kim-jong-un/index.html": "text/html; charset=utf-8"]
        for (target, type) in expectedTypes {
            let response = try await site.get(target)
            #expect(response.status == 200, "\(target)")
            #expect(response.headers["content-type"] == type, "\(target)")
        }
        #expect(try await site.get("/people/").text.contains("Kim Jong-un"))
        let redirect = try await site.get("/people")
        #expect(redirect.status == 301)
        #expect(redirect.headers["location"] == "/people/")
        let missing = try await site.get("/no/such/page")
        #expect(missing.status == 404)
        #expect(missing.text.contains("Page not found"))
        // No folder listings: a folder without index.html is not found.
        #expect(try await site.get("/assets/").status == 404)
    }

    @Test func etagGivesNotModifiedAndHeadHasNoBody() async throws {
        let site = try await Running()
        defer { site.stop() }
        let first = try await site.get("/people/kim-jong-un/")
        let tag = try #require(first.headers["etag"])
        #expect(try await site.get("/people/kim-jong-un/", headers: ["If-None-Match": tag]).status == 304)
        #expect(try await site.get("/people/kim-jong-un/", headers: ["If-None-Match": "\"other\""]).status == 200)
        let head = try await site.get("/people/kim-jong-un/", method: "HEAD")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.headers["content-length"] == String(first.body.count))
        #expect(try await site.get("/", method: "POST").status == 405)
    }

    @Test func liveReloadScriptIsAddedToServedPagesOnly() async throws {
        let site = try await Running()
        defer { site.stop() }
        #expect(try await site.get("/").text.contains("/__dossier/events"))
        #expect(try await site.get("/assets/style.css").text.contains("__dossier") == false)
        let onDisk = try String(contentsOfFile: site.root + "/public/index.html", encoding: .utf8)
        #expect(!onDisk.contains("__dossier"))
    }

    @Test func everyTraversalAttemptIsRefused() async throws {
        let site = try await Running()
        defer { site.stop() }
        // A link inside the site folder pointing outside it.
        try FileManager.default.createSymbolicLink(atPath: site.root + "/public/escape.txt", withDestinationPath: "/etc/passwd")
        try "secret".write(toFile: site.root + "/secret.txt", atomically: true, encoding: .utf8)
        let attempts = ["/../secret.txt", "/../../../../etc/passwd", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/etc/passwd",
                        "/..%2fsecret.txt", "/people/..%2F..%2Fsecret.txt", "/%2e%2e%2fsecret.txt", "/..\\secret.txt",
                        "/people/%5c..%5c..%5csecret.txt", "/index.html%00.css", "/people/%00", "/%252e%252e/secret.txt",
                        "/./index.html", "/people/./../../secret.txt", "/escape.txt", "//etc/passwd", "/people//x"]
        for target in attempts {
            let response = try await site.get(target)
            #expect(response.status == 400 || response.status == 404, "\(target) gave \(response.status)")
            #expect(!response.text.contains("root:") && !response.text.contains("secret"), "\(target) leaked")
        }
    }

    @Test func anEditIsAnnouncedAndItsPagesChange() async throws {
        let site = try await Running()
        defer { site.stop() }
        let events = try await RawHTTPClient.openEvents(port: site.port)
        #expect(await events.waitFor(": connected"))
        let marker = "परीक्षण-वाक्य"
        try site.edit("content/articles/2024-11-30-belousov-kim-pyongyang-talks.md") { $0 + "\nरूस ने \(marker) कहा।\n" }
        #expect(await events.waitFor("event: reload"))
        #expect(try await site.get("/articles/2024-11-30-belousov-kim-pyongyang-talks/").text.contains(marker))
        #expect(try await site.get("/countries/russia/").text.contains(marker))
        #expect(site.logLines.withLock { _ in true })
    }

    @Test func aBrokenEditReportsItsErrorAndTheOldSiteStays() async throws {
        let site = try await Running()
        defer { site.stop() }
        let before = try await site.get("/articles/2024-11-02-kim-blair-ottawa-talks/").text
        let events = try await RawHTTPClient.openEvents(port: site.port)
        #expect(await events.waitFor(": connected"))
        try site.edit("content/articles/2024-11-02-kim-blair-ottawa-talks.md") { $0 + "\n[किम](person:kim-jong-on) नया।\n" }
        #expect(await events.waitFor("event: errors"))
        var named = events.received.contains("unknown person")
        if !named { named = await events.waitFor("unknown person", seconds: 1) }
        #expect(named)
        #expect(try await site.get("/articles/2024-11-02-kim-blair-ottawa-talks/").text == before)
        // A page opened now is told about the errors at once.
        let late = try await RawHTTPClient.openEvents(port: site.port)
        #expect(await late.waitFor("kim-jong-on"))
        // Fixing it reloads.
        try site.edit("content/articles/2024-11-02-kim-blair-ottawa-talks.md") { $0.replacingOccurrences(of: "person:kim-jong-on", with: "person:kim-jong-un") }
        #expect(await events.waitFor("event: reload"))
        #expect(try await site.get("/articles/2024-11-02-kim-blair-ottawa-talks/").text.contains("नया"))
    }

    @Test func answersOnlyToItsOwnHostNames() async throws {
        let site = try await Running()
        defer { site.stop() }
        for host in ["127.0.0.1", "127.0.0.1:\(site.port)", "localhost", "LOCALHOST:\(site.port)", "[::1]", "[::1]:\(site.port)"] {
            #expect(try await site.get("/", host: host).status == 200, "\(host)")
        }
        // DNS rebinding: another site's name resolving here; and requests that name no host.
        for host in ["evil.example", "evil.example:\(site.port)", "localhost.evil.example", "127.0.0.1.nip.io", "127.0.0.2",
                     "localhost:x", "[::1]x", ""] {
            let response = try await site.get("/", host: host)
            #expect(response.status == 421, "\(host): \(response.status)")
            #expect(!response.text.contains("<html"), "\(host)")
        }
        #expect(try await site.get(SiteResponder.eventsPath, host: "evil.example").status == 421)
        let allowed = AllowedHosts(listening: "0.0.0.0")
        #expect(allowed.allows("192.168.1.5:8000") && allowed.allows("[fe80::1]") && !allowed.allows("evil.example"))
        #expect(AllowedHosts(listening: "dossier.lan").allows("dossier.lan:8000"))
        #expect(!AllowedHosts(listening: "127.0.0.1").allows("192.168.1.5"))
    }

    @Test func hiddenFilesAndLinksOutAreAnsweredAsMissing() async throws {
        let site = try await Running()
        defer { site.stop() }
        writeHidden(site.root + "/public/.git/config", "[core]\n")
        writeHidden(site.root + "/public/.env", "SECRET=1\n")
        writeHidden(site.root + "/public/people/.hidden/index.html", "<p>x</p>\n")
        let notFound = try await site.get("/no-such-page").text
        for target in ["/.git/config", "/.git/", "/.git", "/.env", "/people/.hidden/", "/people/.hidden", "/.public.dossier-manifest"] {
            let response = try await site.get(target)
            #expect(response.status == 404, "\(target): \(response.status)")
            #expect(response.text == notFound, "\(target)")
        }
        // Links leading out of the site: a folder that exists outside, one that does not, a file.
        try FileManager.default.createSymbolicLink(atPath: site.root + "/public/out", withDestinationPath: "/etc")
        try FileManager.default.createSymbolicLink(atPath: site.root + "/public/gone", withDestinationPath: "/no-such-folder")
        try FileManager.default.createSymbolicLink(atPath: site.root + "/public/inside", withDestinationPath: "people")
        var answers: [String: Int] = [:]
        for target in ["/out", "/out/", "/out/ssl", "/out/passwd", "/gone", "/gone/", "/gone/ssl", "/out/no-such"] {
            answers[target] = try await site.get(target).status
        }
        #expect(Set(answers.values) == [404], "\(answers)")
        // A link that stays inside is followed like the folder it names.
        #expect(try await site.get("/inside").status == 301)
        #expect(try await site.get("/inside/").status == 200)
    }

    func writeHidden(_ path: String, _ text: String) {
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try? text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func deletingOrRenamingTheFileThatBrokeARebuildRecovers() async throws {
        let site = try await Running()
        defer { site.stop() }
        let events = try await RawHTTPClient.openEvents(port: site.port)
        #expect(await events.waitFor(": connected"))
        let broken = site.root + "/content/articles/zz-broken.md"
        // A new article that breaks the rebuild, then deleted.
        try "---\ntitle: x\ndate: 2024-13-40\n---\nरूस।\n".write(toFile: broken, atomically: true, encoding: .utf8)
        #expect(await events.waitFor("event: errors"))
        try FileManager.default.removeItem(atPath: broken)
        #expect(await events.waitFor("event: reload"))
        let late = try await RawHTTPClient.openEvents(port: site.port)
        #expect(await late.waitFor(": connected"))
        #expect(!(await late.waitFor("event: errors", seconds: 1)))

        // Broken again, then renamed out of the articles (not an article any more).
        try "---\ntitle: x\ndate: 2024-13-40\n---\nरूस।\n".write(toFile: broken, atomically: true, encoding: .utf8)
        #expect(await events.waitFor("event: errors"))
        try FileManager.default.moveItem(atPath: broken, toPath: site.root + "/content/zz-broken.txt")
        #expect(await events.waitFor("event: reload"))
    }

    @Test func aBusyPortIsAClearError() async throws {
        let site = try await Running()
        defer { site.stop() }
        #expect(throws: ServeError.self) { try PreviewServer.checkPortFree(host: "127.0.0.1", port: site.port) }
        do {
            try PreviewServer.checkPortFree(host: "127.0.0.1", port: site.port)
        } catch let error as ServeError {
            #expect(error.description.hasPrefix("127.0.0.1:\(site.port) is already in use"))
        }
    }
}

@Suite struct SitePathTests {
    @Test func mapsFoldersAndRefusesEscapes() {
        let folders: Set<String> = ["people", "people/x"]
        func resolve(_ path: String) -> SitePath.Resolution { SitePath.resolve(path, isFolder: { folders.contains($0) }) }
        #expect(resolve("/") == .file("index.html"))
        #expect(resolve("/people/") == .file("people/index.html"))
        #expect(resolve("/people") == .redirect("/people/"))
        #expect(resolve("/people/x/page-2.html") == .file("people/x/page-2.html"))
        #expect(resolve("/people/%E0%A4%95") == .file("people/क"))
        for bad in ["/..", "/a/../b", "/%2e%2e/x", "/a%2fb", "/a\\b", "/a%5cb", "/a%00", "/%zz", "/a//b", "/./a", "x", "/%C0%AE%C0%AE/x"] {
            #expect(resolve(bad) == .refused, "\(bad)")
        }
        for hidden in ["/.git/config", "/.env", "/people/.x/", "/.well-known/a", "/%2Egit/config"] {
            #expect(resolve(hidden) == .hidden, "\(hidden)")
        }
    }
}
