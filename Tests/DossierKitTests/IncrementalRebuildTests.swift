import Foundation
import Testing
@testable import DossierKit

/// A session's site after each kind of edit must equal a full build of the same content.
@Suite(.serialized) struct IncrementalRebuildTests {
    /// A copy of the seed dossier and theme in a temporary folder.
    func workspace() throws -> String { try seedWorkspace("incremental") }

    /// `large`: built as a large dossier is, its text in a temporary file, its tables in
    /// parts and its search index in shards (small limits stand in for many articles).
    func options(_ root: String, output: String, pageSize: Int = 200, large: Bool = false) -> BuildOptions {
        var options = BuildOptions(content: root + "/content", templates: root + "/templates", output: root + "/" + output, pageSize: pageSize)
        if large {
            options.spillThreshold = 0
            options.dataLimits.partBytes = 3_000
            options.dataLimits.searchShardBytes = 2_000
        }
        return options
    }

    /// Every file of the session's snapshot equals a fresh full build's, and no file is missing or extra.
    func expectEqualToFullBuild(_ session: SiteSession, _ root: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let full = root + "/full"
        try? FileManager.default.removeItem(atPath: full)
        // The session's options, its text kept in memory: a spilled session must write what that does.
        var fullOptions = session.options
        fullOptions.output = full
        fullOptions.spillThreshold = TextSpill.standardThreshold
        try SiteBuilder.build(fullOptions)
        let expected = Set((FileManager.default.enumerator(atPath: full)?.allObjects as? [String] ?? []).filter {
            var folder: ObjCBool = false
            return FileManager.default.fileExists(atPath: full + "/" + $0, isDirectory: &folder) && !folder.boolValue
        })
        let snapshot = session.snapshot
        #expect(snapshot.allPaths() == expected, sourceLocation: sourceLocation)
        for path in expected {
            let want = FileManager.default.contents(atPath: full + "/" + path).map { [UInt8]($0) }
            #expect(snapshot.bytes(of: path) == want, "\(path) differs", sourceLocation: sourceLocation)
        }
    }

    /// Rebuilds, requiring that something changed.
    func rebuilt(_ session: inout SiteSession, sourceLocation: SourceLocation = #_sourceLocation) throws -> RebuildReport {
        let report = session.rebuild()
        return try #require(report, sourceLocation: sourceLocation)
    }

    func edit(_ path: String, _ change: (String) -> String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try change(text).write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// With 3 sentences a page, entities span several pages and edits move sentences between
    /// them. `large`: the session keeps bodies and sentences in a temporary file, as a large
    /// dossier does, and rebuilds add to it (the full builds compared keep them in memory);
    /// its tables are in parts and its search index in shards.
    @Test(arguments: [(200, false), (3, false), (200, true)]) func everyKindOfEditEqualsAFullBuild(pageSize: Int, large: Bool) throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let canada = root + "/content/articles/2024-12-03-canada.md"
        if large {
            try "---\ntitle: \"कनाडा\"\ndate: 2024-12-03\nsource: Test\n---\nकनाडा ने कहा।\n".write(toFile: canada, atomically: true, encoding: .utf8)
        }
        var session = try SiteSession(options: options(root, output: "public", pageSize: pageSize, large: large))
        if large {
            #expect(session.snapshot.allPaths().contains { $0.hasPrefix("data/search/shard-0001") })
            // An edit that reaches one entity makes again only the search shards that hold it.
            try edit(canada) { $0 + "कनाडा ने फिर कहा।\n" }
            let report = try rebuilt(&session)
            let shards = session.snapshot.allPaths().filter { $0.hasPrefix("data/search/shard-") }
            let remade = report.renderedPaths.filter { $0.hasPrefix("data/search/shard-") }
            #expect(!remade.isEmpty && remade.count < shards.count, "\(remade.count) of \(shards.count) shards")
            try expectEqualToFullBuild(session, root)
        }
        #expect(session.rebuild() == nil)
        let articles = root + "/content/articles/"

        // Edit one article: a new mention, and a mention removed.
        try edit(articles + "2024-11-30-belousov-kim-pyongyang-talks.md") {
            $0.replacingOccurrences(of: "बेलौसोव एक दिन पहले", with: "बेलौसोव और चीन एक दिन पहले")
              .replacingOccurrences(of: "अमेरिका और पश्चिम", with: "पश्चिम")
        }
        var report = try rebuilt(&session)
        #expect(report.succeeded)
        #expect(report.changedInputs == ["content/articles/2024-11-30-belousov-kim-pyongyang-talks.md"])
        // The article, its entities' pages and feeds, and the site-wide files: not the pages of
        // entities it does not name, nor figure subjects it gives no figure of.
        for path in ["people/sergei-shoigu/index.html", "people/sergei-shoigu/feed.xml", "countries/canada/index.html",
                     "organizations/nato/index.html", "meetings/2023-07-26-shoigu-kim-pyongyang/index.html",
                     "figures/troops-deployed/index.html"] {
            #expect(!report.renderedPaths.contains(path), "\(path)")
        }
        #expect(report.renderedPaths.contains("people/kim-jong-un/index.html"))
        if pageSize == 200 && !large { #expect(report.rendered < session.snapshot.allPaths().count * 3 / 5) }

        try expectEqualToFullBuild(session, root)

        // Add an article, then remove another.
        try """
        ---
        title: "नई रिपोर्ट"
        date: 2024-12-01
        source: Test
        meetings: [2024-11-29-belousov-kim-pyongyang]
        ---
        पुतिन ने कनाडा और नाटो के बारे में कहा।
        """.write(toFile: articles + "2024-12-01-new.md", atomically: true, encoding: .utf8)
        report = try rebuilt(&session)
        #expect(report.succeeded)
        try expectEqualToFullBuild(session, root)
        try FileManager.default.removeItem(atPath: articles + "2024-10-22-yoon-rutte-nato-call.md")
        report = try rebuilt(&session)
        #expect(report.succeeded && report.removed >= 1)
        try expectEqualToFullBuild(session, root)

        // A registry change: a new alias.
        try edit(root + "/content/entities/countries.yml") {
            $0.replacingOccurrences(of: "aliases: [चीन", with: "aliases: [पश्चिम, चीन")
        }
        report = try rebuilt(&session)
        #expect(report.succeeded)
        try expectEqualToFullBuild(session, root)

        // A template change.
        try edit(root + "/templates/chip.mustache") { $0.replacingOccurrences(of: "class=\"chip ", with: "class=\"chip edited ") }
        report = try rebuilt(&session)
        #expect(report.succeeded)
        #expect(session.snapshot.bytes(of: "people/kim-jong-un/index.html").map { String(decoding: $0, as: UTF8.self).contains("chip edited") } == true)
        try expectEqualToFullBuild(session, root)
    }

    /// Drafts are left out by rebuilds as by a full build: a new draft, an article made a
    /// draft, a draft published; and with `drafts` a dated draft is built.
    @Test(arguments: [false, true]) func draftsRebuildAsAFullBuild(drafts: Bool) throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var build = options(root, output: "public")
        build.drafts = drafts
        var session = try SiteSession(options: build)
        let articles = root + "/content/articles/"
        func expectSame(_ line: UInt = #line) throws {
            let full = root + "/full"
            try? FileManager.default.removeItem(atPath: full)
            var fullOptions = options(root, output: "full")
            fullOptions.drafts = drafts
            try SiteBuilder.build(fullOptions)
            let expected = Set((FileManager.default.enumerator(atPath: full)?.allObjects as? [String] ?? []).filter {
                var folder: ObjCBool = false
                return FileManager.default.fileExists(atPath: full + "/" + $0, isDirectory: &folder) && !folder.boolValue
            })
            #expect(session.snapshot.allPaths() == expected, "after line \(line)")
            for path in expected {
                #expect(session.snapshot.bytes(of: path) == FileManager.default.contents(atPath: full + "/" + path).map { [UInt8]($0) },
                        "\(path) differs after line \(line)")
            }
        }
        // A new dated draft, and an undated one.
        try """
        ---
        title: "मसौदा"
        date: 2024-12-01
        draft: true
        ---
        पुतिन ने कनाडा और नाटो के बारे में कहा।
        """.write(toFile: articles + "2024-12-01-draft.md", atomically: true, encoding: .utf8)
        try """
        ---
        title: "बिना तारीख"
        draft: true
        ---
        किम ने रूस के बारे में कहा।
        """.write(toFile: articles + "undated.md", atomically: true, encoding: .utf8)
        var report = try rebuilt(&session)
        #expect(report.succeeded)
        #expect(report.diagnostics.contains { $0.file.hasSuffix("undated.md") && $0.message.hasPrefix("draft") })
        #expect((session.snapshot.bytes(of: "articles/2024-12-01-draft/index.html") != nil) == drafts)
        try expectSame()
        // A published article becomes a draft.
        let published = articles + "2024-10-22-yoon-rutte-nato-call.md"
        try edit(published) { $0.replacingOccurrences(of: "\nlanguage:", with: "\ndraft: true\nlanguage:") }
        report = try rebuilt(&session)
        #expect(report.succeeded)
        try expectSame()
        // And is published again; the other draft too.
        try edit(published) { $0.replacingOccurrences(of: "\ndraft: true", with: "") }
        try edit(articles + "2024-12-01-draft.md") { $0.replacingOccurrences(of: "draft: true", with: "draft: false") }
        report = try rebuilt(&session)
        #expect(report.succeeded)
        #expect(session.snapshot.bytes(of: "articles/2024-12-01-draft/index.html") != nil)
        try expectSame()
    }

    /// An article's dateline moved from one place to another, to free text, and a places.yml
    /// edit that makes that text a place's alias; a place's coordinates; a meeting moved:
    /// each rebuild equals a full build, and the place pages list what they should.
    @Test(arguments: [200, 3]) func datelineAndPlaceEditsEqualAFullBuild(pageSize: Int) throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var session = try SiteSession(options: options(root, output: "public", pageSize: pageSize))
        let article = root + "/content/articles/2024-11-30-belousov-kim-pyongyang-talks.md"
        let places = root + "/content/entities/places.yml"
        func page(_ path: String) -> String { session.snapshot.bytes(of: path).map { String(decoding: $0, as: UTF8.self) } ?? "" }
        /// The list under a heading of a place's aside ("" when there is none).
        func list(_ heading: String, of place: String) -> String {
            let text = page("places/\(place)/index.html")
            guard let start = text.range(of: "<h2>\(heading)</h2>") else { return "" }
            return String(text[start.upperBound...].components(separatedBy: "</ul>")[0])
        }
        func rebuild(_ input: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let report = try rebuilt(&session, sourceLocation: sourceLocation)
            #expect(report.succeeded, "\(report.diagnostics)", sourceLocation: sourceLocation)
            #expect(report.changedInputs == [input], sourceLocation: sourceLocation)
            try expectEqualToFullBuild(session, root, sourceLocation: sourceLocation)
        }
        let link = "articles/2024-11-30-belousov-kim-pyongyang-talks/index.html\">"
        #expect(list("Datelined here", of: "seoul").contains(link))

        // Seoul (by its alias) → Ottawa (by its id): both places' pages change, not Moscow's.
        try edit(article) { $0.replacingOccurrences(of: "place: सोल", with: "place: ottawa") }
        try rebuild("content/articles/2024-11-30-belousov-kim-pyongyang-talks.md")
        #expect(list("Datelined here", of: "ottawa").contains(link))
        #expect(!list("Datelined here", of: "seoul").contains(link))
        // The title of an article datelined there (which the place's page lists).
        try edit(root + "/content/articles/2024-11-02-kim-blair-ottawa-talks.md") {
            $0.replacingOccurrences(of: "title: \"साउथ कोरिया और", with: "title: \"दक्षिण कोरिया और")
        }
        try rebuild("content/articles/2024-11-02-kim-blair-ottawa-talks.md")
        #expect(list("Datelined here", of: "seoul").contains("दक्षिण कोरिया और कनाडा"))
        // → free text, then a registry edit that makes the text one of Kursk Oblast's aliases.
        try edit(article) { $0.replacingOccurrences(of: "place: ottawa", with: "place: कुर्स्क") }
        try rebuild("content/articles/2024-11-30-belousov-kim-pyongyang-talks.md")
        #expect(list("Datelined here", of: "ottawa").isEmpty)
        #expect(page("articles/2024-11-30-belousov-kim-pyongyang-talks/index.html").contains("<span lang=\"hi\">कुर्स्क</span>"))
        try edit(places) { $0.replacingOccurrences(of: "aliases: [कुर्स्क क्षेत्र,", with: "aliases: [कुर्स्क क्षेत्र, कुर्स्क,") }
        try rebuild("content/entities/places.yml")
        #expect(list("Datelined here", of: "kursk-oblast").contains(link))
        // Coordinates, and a meeting held elsewhere.
        try edit(places) { $0.replacingOccurrences(of: "lat: 39.03", with: "lat: 39.02") }
        try rebuild("content/entities/places.yml")
        #expect(page("places/pyongyang/index.html").contains("39.02° N"))
        try edit(root + "/content/entities/meetings.yml") { $0.replacingOccurrences(of: "place: ottawa", with: "place: seoul") }
        try rebuild("content/entities/meetings.yml")
        #expect(list("Meetings held here", of: "seoul").contains("meetings/2024-11-01-kim-blair-ottawa/index.html"))
        #expect(list("Meetings held here", of: "ottawa").isEmpty)
    }

    @Test func aFailedRebuildKeepsTheLastGoodSiteAndIsRetried() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var session = try SiteSession(options: options(root, output: "public"))
        let before = session.snapshot.generation
        let article = root + "/content/articles/2024-11-02-kim-blair-ottawa-talks.md"
        let good = try String(contentsOfFile: article, encoding: .utf8)
        try (good + "\n[किम](person:kim-jong-on)\n").write(toFile: article, atomically: true, encoding: .utf8)
        let failed = try rebuilt(&session)
        #expect(!failed.succeeded)
        #expect(failed.diagnostics.map(\.description).contains { $0.contains("unknown person \"kim-jong-on\" (did you mean kim-jong-un?)") })
        #expect(session.snapshot.generation == before)
        // Another edit while the first is still broken: the broken one is retried with it.
        try edit(root + "/content/articles/2024-11-30-belousov-kim-pyongyang-talks.md") { $0 + "\nरूस।\n" }
        #expect(session.rebuild()?.succeeded == false)
        try good.write(toFile: article, atomically: true, encoding: .utf8)
        #expect(session.rebuild()?.succeeded == true)
        try expectEqualToFullBuild(session, root)
    }

    /// Each kind of input the change set names, edited one at a time through the one
    /// pipeline, and the rebuilt site compared with a full build each time.
    @Test func eachKindOfInputChangeEqualsAFullBuild() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var session = try SiteSession(options: options(root, output: "public", pageSize: 3))
        let articles = root + "/content/articles/"
        func expectChange(_ path: String, is change: InputChange, sourceLocation: SourceLocation = #_sourceLocation) throws {
            #expect(InputChange(path: path) == change, sourceLocation: sourceLocation)
            let report = try rebuilt(&session, sourceLocation: sourceLocation)
            #expect(report.succeeded, "\(report.diagnostics)", sourceLocation: sourceLocation)
            #expect(report.changedInputs == [path], sourceLocation: sourceLocation)
            try expectEqualToFullBuild(session, root, sourceLocation: sourceLocation)
        }

        // .article: a date moved to another month (timelines, the article list, the sitemap).
        try edit(articles + "2024-10-22-yoon-rutte-nato-call.md") { $0.replacingOccurrences(of: "date: 2024-10-22", with: "date: 2024-08-22") }
        try expectChange("content/articles/2024-10-22-yoon-rutte-nato-call.md", is: .article("2024-10-22-yoon-rutte-nato-call"))
        // .siteConfig: the title every page shows.
        try edit(root + "/content/site.yml") { $0.replacingOccurrences(of: "title: \"", with: "title: \"नया ") }
        try expectChange("content/site.yml", is: .siteConfig)
        // .asset: edited, added, removed; only the asset is made again.
        try edit(root + "/templates/assets/style.css") { $0 + "\n/* edited */\n" }
        try expectChange("templates/assets/style.css", is: .asset("style.css"))
        #expect(session.snapshot.bytes(of: "assets/style.css").map { String(decoding: $0, as: UTF8.self).contains("/* edited */") } == true)
        try "x".write(toFile: root + "/templates/assets/extra.txt", atomically: true, encoding: .utf8)
        try expectChange("templates/assets/extra.txt", is: .asset("extra.txt"))
        try FileManager.default.removeItem(atPath: root + "/templates/assets/extra.txt")
        try expectChange("templates/assets/extra.txt", is: .asset("extra.txt"))
        // .ignored: a raw page, the import rules, a file beside the articles that is not one.
        try "कच्चा पन्ना".write(toFile: root + "/content/raw/new.txt", atomically: true, encoding: .utf8)
        try expectChange("content/raw/new.txt", is: .ignored)
        try edit(root + "/content/import-rules.yml") { $0 + "\n" }
        try expectChange("content/import-rules.yml", is: .ignored)
        try "notes".write(toFile: articles + "notes.txt", atomically: true, encoding: .utf8)
        try expectChange("content/articles/notes.txt", is: .ignored)
        // .registry and .theme: everything again.
        try edit(root + "/content/entities/people.yml") { $0.replacingOccurrences(of: "name: Kim Jong-un", with: "name: Kim Jong Un") }
        try expectChange("content/entities/people.yml", is: .registry)
        try edit(root + "/templates/layout.mustache") { $0.replacingOccurrences(of: "<body>", with: "<body class=\"edited\">") }
        try expectChange("templates/layout.mustache", is: .theme)
    }
}

extension RebuildReport: Equatable {
    public static func == (a: RebuildReport, b: RebuildReport) -> Bool { a.changedInputs == b.changedInputs && a.rendered == b.rendered }
}
