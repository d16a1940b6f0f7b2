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

        func get(_ target: String, method: String = "GET", headers: [String: String] = [:]) throws -> RawHTTPResponse {
            try RawHTTPClient.request(port: port, method: method, target: target, headers: headers)
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
        let home = try site.get("/")
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.text.contains("<html lang=\"hi\">"))
        let expectedTypes = ["/assets/style.css": "text/css; charset=utf-8",
                             "/data/entities.json": "application/json; charset=utf-8",
                             "/feed.xml": "application/atom+xml; charset=utf-8",
                             "/sitemap.xml": "application/xml; charset=utf-8",
                             "/people/kim-jong-un/index.html": "text/html; charset=utf-8"]
        for (target, type) in expectedTypes {
            let response = try site.get(target)
            #expect(response.status == 200, "\(target)")
            #expect(response.headers["content-type"] == type, "\(target)")
        }
        #expect(try site.get("/people/").text.contains("Kim Jong-un"))
        let redirect = try site.get("/people")
        #expect(redirect.status == 301)
        #expect(redirect.headers["location"] == "/people/")
        let missing = try site.get("/no/such/page")
        #expect(missing.status == 404)
        #expect(missing.text.contains("Page not found"))
        // No folder listings: a folder without index.html is not found.
        #expect(try site.get("/assets/").status == 404)
    }

    @Test func etagGivesNotModifiedAndHeadHasNoBody() async throws {
        let site = try await Running()
        defer { site.stop() }
        let first = try site.get("/people/kim-jong-un/")
        let tag = try #require(first.headers["etag"])
        #expect(try site.get("/people/kim-jong-un/", headers: ["If-None-Match": tag]).status == 304)
        #expect(try site.get("/people/kim-jong-un/", headers: ["If-None-Match": "\"other\""]).status == 200)
        let head = try site.get("/people/kim-jong-un/", method: "HEAD")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.headers["content-length"] == String(first.body.count))
        #expect(try site.get("/", method: "POST").status == 405)
    }

    @Test func liveReloadScriptIsAddedToServedPagesOnly() async throws {
        let site = try await Running()
        defer { site.stop() }
        #expect(try site.get("/").text.contains("/__dossier/events"))
        #expect(try site.get("/assets/style.css").text.contains("__dossier") == false)
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
            let response = try site.get(target)
            #expect(response.status == 400 || response.status == 404, "\(target) gave \(response.status)")
            #expect(!response.text.contains("root:") && !response.text.contains("secret"), "\(target) leaked")
        }
    }

    @Test func anEditIsAnnouncedAndItsPagesChange() async throws {
        let site = try await Running()
        defer { site.stop() }
        let events = try RawHTTPClient.openEvents(port: site.port)
        #expect(events.waitFor(": connected"))
        let marker = "परीक्षण-वाक्य"
        try site.edit("content/articles/2024-11-30-belousov-kim-pyongyang-talks.md") { $0 + "\nरूस ने \(marker) कहा।\n" }
        #expect(events.waitFor("event: reload"))
        #expect(try site.get("/articles/2024-11-30-belousov-kim-pyongyang-talks/").text.contains(marker))
        #expect(try site.get("/countries/russia/").text.contains(marker))
        #expect(site.logLines.withLock { _ in true })
    }

    @Test func aBrokenEditReportsItsErrorAndTheOldSiteStays() async throws {
        let site = try await Running()
        defer { site.stop() }
        let before = try site.get("/articles/2024-11-02-kim-blair-ottawa-talks/").text
        let events = try RawHTTPClient.openEvents(port: site.port)
        #expect(events.waitFor(": connected"))
        try site.edit("content/articles/2024-11-02-kim-blair-ottawa-talks.md") { $0 + "\n[किम](person:kim-jong-on) नया।\n" }
        #expect(events.waitFor("event: errors"))
        #expect(events.received.contains("unknown person") || events.waitFor("unknown person", seconds: 1))
        #expect(try site.get("/articles/2024-11-02-kim-blair-ottawa-talks/").text == before)
        // A page opened now is told about the errors at once.
        let late = try RawHTTPClient.openEvents(port: site.port)
        #expect(late.waitFor("kim-jong-on"))
        // Fixing it reloads.
        try site.edit("content/articles/2024-11-02-kim-blair-ottawa-talks.md") { $0.replacingOccurrences(of: "person:kim-jong-on", with: "person:kim-jong-un") }
        #expect(events.waitFor("event: reload"))
        #expect(try site.get("/articles/2024-11-02-kim-blair-ottawa-talks/").text.contains("नया"))
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
    }
}
