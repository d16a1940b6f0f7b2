import Foundation
import Testing
@testable import DossierKit

/// Search finds शोइगु and Shoigu: in the fallback index the build always writes, through
/// the search page in headless Chromium, and through Pagefind's full-text index when
/// Pagefind is installed.
@Suite(.serialized) struct ResearchSearchTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let pagefindInstalled: Bool = (try? run(["python3", "-m", "pagefind", "--version"]).status) == 0

    /// A shard of the index the search page loads, as JSON.
    func index(_ site: ResearchSite, shard: Int = 0) throws -> [String: Any] {
        var text = site.read(SearchShards(site.graph).path(of: shard))
        let prefix = "dossierSearchShard(\(shard), "
        #expect(text.hasPrefix(prefix) && text.hasSuffix(");\n"))
        text = String(text.dropFirst(prefix.count).dropLast(3))
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The search index's manifest, as JSON.
    func manifest(_ site: ResearchSite) throws -> [String: Any] {
        var text = site.read(SearchShards.indexPath)
        let prefix = "window.dossierSearch = "
        #expect(text.hasPrefix(prefix) && text.hasSuffix(";\n"))
        text = String(text.dropFirst(prefix.count).dropLast(2))
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Cut into shards, every row is in the shard of each of its words' keys, and in no other.
    @Test func aLargeIndexIsCutIntoShardsByTheKeysOfItsWords() throws {
        var limits = DataLimits.standard
        limits.searchShardBytes = 1_000
        let site = try ResearchSite(limits: limits)
        defer { site.remove() }
        let shards = try #require(try manifest(site)["shards"] as? Int)
        #expect(shards == 16)
        let registry = site.analysis.content.registry
        var total = 0
        for shard in 0..<shards {
            let entities = try #require(try index(site, shard: shard)["entities"] as? [[Any]])
            total += entities.count
            for entity in registry.entities {
                let keys = SearchShards.keys(of: [entity.name] + entity.aliases)
                let here = keys.contains { Int(SearchShards.fnv1a32($0) % UInt32(shards)) == shard }
                #expect(entities.contains { $0[4] as? String == entity.path + "index.html" } == here, "\(entity.id) in \(shard)")
            }
        }
        #expect(total > registry.entities.count)
        #expect(SearchShards.keys(of: ["Sergei Shoigu", "सर्गेई शोइगु", "किम जोंग-उन"]) == ["se", "sh", "सर", "शो", "कि", "जो", "उन"])
        // FNV-1a's published test vectors.
        #expect(SearchShards.fnv1a32("") == 0x811C_9DC5 && SearchShards.fnv1a32("a") == 0xE40C_292C && SearchShards.fnv1a32("foobar") == 0xBF9C_F968)
    }

    @Test(.enabled(if: chromium != nil, "needs headless Chromium"))
    func searchPageLoadsTheShardOfItsQuery() throws {
        var limits = DataLimits.standard
        limits.searchShardBytes = 1_000
        let site = try ResearchSite(limits: limits)
        defer { site.remove() }
        for query in ["शोइगु", "Shoigu", "sergei sh"] {
            let address = URL(fileURLWithPath: site.output + "/search/index.html").absoluteString + "?q="
                + query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let dom = try dumpDOM(address, profile: site.root + "/profile", until: "Full-text search is not available here")
            #expect(dom.contains("href=\"../people/sergei-shoigu/index.html\" class=\"chip chip-person\">Sergei Shoigu</a>"), "\(query)")
            // Only the query's shard was loaded.
            #expect(dom.components(separatedBy: "data/search/shard-").count == 2, "\(query)")
        }
        let address = URL(fileURLWithPath: site.output + "/search/index.html").absoluteString + "?q=s"
        #expect(try dumpDOM(address, profile: site.root + "/profile", until: "Type two letters").contains("Type two letters or more"))
    }

    @Test func fallbackIndexHoldsEveryEntityByHindiAndEnglishNames() throws {
        let site = try ResearchSite()
        defer { site.remove() }
        let index = try index(site)
        let entities = try #require(index["entities"] as? [[Any]])
        #expect(entities.count == site.analysis.content.registry.entities.count)
        func matches(_ query: String) -> [String] {
            entities.filter { row in
                ([row[1] as! String] + (row[2] as! [String])).contains { $0.lowercased().contains(query.lowercased()) }
            }.map { $0[4] as! String }
        }
        #expect(matches("शोइगु") == ["people/sergei-shoigu/index.html"])
        #expect(matches("Shoigu") .contains("people/sergei-shoigu/index.html"))
        for row in entities { #expect(site.exists(row[4] as! String)) }
        let articles = try #require(index["articles"] as? [[Any]])
        #expect(articles.count == 5 && articles.allSatisfy { site.exists($0[3] as! String) })
    }

    @Test func searchPageReferencesItsScriptsAndIndexesContentPagesOnly() throws {
        let site = try ResearchSite()
        defer { site.remove() }
        let page = site.read("search/index.html")
        #expect(page.contains("<script src=\"../data/search/index.js\" defer></script>"))
        #expect(page.contains("<script src=\"../assets/search.js\" defer></script>"))
        #expect(site.exists("assets/search.js") && site.exists("data/search/index.js") && site.exists("data/search/shard-0000.js"))
        // Pagefind indexes articles and entity pages, not indexes or the search page itself.
        #expect(site.read("articles/2023-07-27-shoigu-kim-pyongyang-talks/index.html").contains("<main id=\"main\" data-pagefind-body>"))
        #expect(site.read("people/sergei-shoigu/index.html").contains("<main id=\"main\" data-pagefind-body>"))
        #expect(site.read("index.html").contains("<main id=\"main\">"))
        #expect(page.contains("<main id=\"main\">"))
    }

    @Test(.enabled(if: chromium != nil, "needs headless Chromium"))
    func searchPageFindsShoiguInBothScriptsWithoutPagefind() throws {
        let site = try ResearchSite()
        defer { site.remove() }
        for query in ["शोइगु", "Shoigu", "shoigu"] {
            let address = URL(fileURLWithPath: site.output + "/search/index.html").absoluteString + "?q="
                + query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let dom = try dumpDOM(address, profile: site.root + "/profile", until: "Full-text search is not available here")
            #expect(dom.contains("href=\"../people/sergei-shoigu/index.html\" class=\"chip chip-person\">Sergei Shoigu</a>"), "\(query)")
            #expect(dom.contains("Full-text search is not available here"), "\(query)")
        }
    }

    @Test(.enabled(if: chromium != nil && pagefindInstalled, "needs headless Chromium and Pagefind (pip install 'pagefind[bin]')"))
    func pagefindFullTextFindsShoiguInBothScripts() throws {
        let site = try ResearchSite()
        defer { site.remove() }
        let indexing = try Self.run(["python3", "-m", "pagefind", "--site", site.output])
        #expect(indexing.status == 0, "\(indexing.output)")
        #expect(site.exists("pagefind/pagefind.js"))
        let port = 18_000 + Int(getpid() % 2000)
        // The interpreter itself (not a version manager's shim), so that it gets the signal.
        let python = try Self.run(["python3", "-c", "import sys; print(sys.executable)"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: python)
        server.arguments = ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", site.output]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        // SIGKILL: the test runner's children inherit its blocked SIGTERM and SIGINT.
        defer { kill(server.processIdentifier, SIGKILL); server.waitUntilExit() }
        // Wait (at most 10 s) until it answers.
        let wait = try Self.run(["python3", "-c", """
            import time, urllib.request
            for _ in range(100):
                try:
                    urllib.request.urlopen("http://127.0.0.1:\(port)/index.html", timeout=1); break
                except Exception:
                    time.sleep(0.1)
            """])
        #expect(wait.status == 0)
        for (query, article) in [("शोइगु", "2024-09-14-shoigu-kim-pyongyang-visit"), ("Shoigu", nil)] {
            let address = "http://127.0.0.1:\(port)/search/index.html?q=" + query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let dom = try dumpDOM(address, profile: site.root + "/profile")
            let fullText = try #require(dom.range(of: "<h2>Full text</h2>"), "\(query): no full-text results")
            let results = dom[fullText.upperBound...]
            #expect(results.contains("href=\"/people/sergei-shoigu/\""), "\(query)")
            if let article { #expect(results.contains("href=\"/articles/\(article)/\""), "\(query)") }
        }
    }

    /// The page's DOM after its scripts ran. Tries up to three times: on two busy cores
    /// (the rest of the suite runs alongside) a headless browser may give up before the
    /// search's scripts finish.
    func dumpDOM(_ address: String, profile: String, until marker: String = "<h2>Full text</h2>") throws -> String {
        var output = ""
        for _ in 0..<3 {
            let result = try Self.run([Self.chromium!, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                       "--user-data-dir=" + profile, "--virtual-time-budget=10000", "--dump-dom", address])
            #expect(result.status == 0)
            output = result.output
            if output.contains(marker) { break }
        }
        return output
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) { try runCommand(arguments) }
}
