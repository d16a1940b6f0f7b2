import Foundation
import Testing
@testable import DossierKit

/// Inputs that are broken or built to hurt: each gives a clear `file:line` error (or is
/// handled), never a crash or a hang, and a failed build leaves the site as it was.
@Suite(.serialized) struct BadInputTests {
    static let good = [
        "site.yml": "title: T\nlanguage: hi\nbase_url: https://example.org/d/\n",
        "entities/people.yml": "- id: kim-jong-un\n  name: Kim Jong-un\n  aliases: [किम जोंग-उन]\n",
        "entities/countries.yml": "- id: russia\n  name: Russia\n  aliases: [रूस]\n",
        "articles/a1.md": "---\ntitle: \"किम जोंग-उन रूस में\"\ndate: 2024-11-30\n---\nकिम जोंग-उन ने रूस की यात्रा की।\n",
    ]

    /// A dossier and its own copy of the theme, built once into `public/`.
    struct Site {
        let root: String
        var content: String { root + "/content" }
        var templates: String { root + "/templates" }
        var output: String { root + "/public" }

        init() throws {
            root = temporaryFolder("bad-input")
            writeFiles(BadInputTests.good, under: root + "/content")
            try FileManager.default.copyItem(atPath: repositoryRoot + "/templates", toPath: root + "/templates")
            try build()
        }

        @discardableResult
        func build() throws -> BuildReport {
            try SiteBuilder.build(BuildOptions(content: content, templates: templates, output: output))
        }

        /// Every file of the site with its bytes.
        func snapshot() -> [String: Data] {
            var files: [String: Data] = [:]
            for case let path as String in FileManager.default.enumerator(atPath: output)?.allObjects ?? [] {
                if let data = FileManager.default.contents(atPath: output + "/" + path) { files[path] = data }
            }
            return files
        }

        func write(_ relative: String, _ text: String) {
            writeFiles([relative: text], under: root)
        }

        /// The build fails with messages containing each of `expected`, and the site is untouched.
        func expectFailure(_ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
            let before = snapshot()
            do {
                try build()
                Issue.record("the build succeeded", sourceLocation: sourceLocation)
            } catch let errors as ContentErrors {
                let messages = errors.diagnostics.map { $0.description.replacingOccurrences(of: root + "/", with: "") }
                for line in expected where !messages.contains(where: { $0.contains(line) }) {
                    Issue.record("missing: \(line)\nin:\n\(messages.joined(separator: "\n"))", sourceLocation: sourceLocation)
                }
            } catch {
                Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
            }
            #expect(snapshot() == before, "the site changed", sourceLocation: sourceLocation)
            let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: root))?.filter { $0.hasPrefix("public.") } ?? []
            #expect(leftovers.isEmpty, "\(leftovers)", sourceLocation: sourceLocation)
        }

        func remove() { try? FileManager.default.removeItem(atPath: root) }
    }

    @Test func invalidUTF8() throws {
        let site = try Site()
        defer { site.remove() }
        try Data("---\ntitle: T\n".utf8 + [0xC3, 0x28] + Data("\n---\n".utf8)).write(to: URL(fileURLWithPath: site.content + "/articles/bin.md"))
        site.expectFailure(["content/articles/bin.md:3: not UTF-8 text (convert it to UTF-8, e.g. with iconv)"])
    }

    @Test func emptyFiles() throws {
        let site = try Site()
        defer { site.remove() }
        site.write("content/articles/empty.md", "")
        site.write("content/entities/organizations.yml", "")
        site.expectFailure(["content/articles/empty.md:1: missing front matter"])
        // An empty registry file is an empty list: no error of its own.
        try FileManager.default.removeItem(atPath: site.content + "/articles/empty.md")
        try site.build()
        site.write("content/site.yml", "")
        site.expectFailure(["content/site.yml:1: site.yml must be keys and values"])
    }

    @Test func fileLargerThanTheLimitIsRefusedUnread() throws {
        let site = try Site()
        defer { site.remove() }
        // A sparse file: its size is over the limit without writing 64 MB.
        let path = site.content + "/articles/huge.md"
        #expect(FileManager.default.createFile(atPath: path, contents: Data("---\n".utf8)))
        #expect(truncate(path, off_t(ContentFile.maximumSize + 1)) == 0)
        site.expectFailure(["content/articles/huge.md: file is larger than 64 MB (split it into several articles)"])
    }

    @Test func fiftyMegabyteArticleBuilds() throws {
        let site = try Site()
        defer { site.remove() }
        let paragraph = String(repeating: "भारत और चीन के बीच बातचीत जारी रही और कोई नतीजा नहीं निकला। ", count: 40) + "किम जोंग-उन ने रूस से कहा।\n\n"
        let count = 50 * 1024 * 1024 / paragraph.utf8.count
        site.write("content/articles/big.md", "---\ntitle: Big\ndate: 2024-11-29\n---\n" + String(repeating: paragraph, count: count))
        let report = try site.build()
        #expect(report.articles == 2)
        let page = try #require(FileManager.default.attributesOfItem(atPath: site.output + "/articles/big/index.html")[.size] as? Int)
        #expect(page > 50 * 1024 * 1024)
        // Every mention made it into the data.
        #expect(report.mentions == 2 * count + 2)
    }

    @Test func deepNestingDoesNotOverflowTheStack() throws {
        let site = try Site()
        defer { site.remove() }
        let depth = 10_000
        let bodies = [
            // One line, 10,000 lists each inside the last; then lines indented one level more each
            // (3,000 of them: 10,000 would be a 100 MB file, over the loader's limit).
            "list-markers": String(repeating: "- ", count: depth) + "रूस",
            "ordered-markers": String(repeating: "1. ", count: depth) + "रूस",
            "indented-lists": (0..<3_000).map { String(repeating: "  ", count: $0) + "- रूस" }.joined(separator: "\n"),
            "quotes": String(repeating: ">", count: depth) + " रूस",
            "brackets": String(repeating: "[", count: depth) + "रूस" + String(repeating: "]", count: depth),
            "links": String(repeating: "[", count: depth) + "रूस" + String(repeating: "](x)", count: depth),
            "emphasis": String(repeating: "*", count: depth) + "रूस" + String(repeating: "*", count: depth),
            "images": String(repeating: "![", count: depth) + "रूस" + String(repeating: "](javascript:x)", count: depth),
            "html": String(repeating: "<span>", count: depth) + "रूस" + String(repeating: "</span>", count: depth),
        ]
        for (name, body) in bodies {
            site.write("content/articles/\(name).md", "---\ntitle: \(name)\ndate: 2024-11-29\n---\n" + body + "\n")
        }
        let report = try site.build()
        #expect(report.articles == 1 + bodies.count)
        // Nodes are views into their document: keep it alive while they are used.
        let document = MarkdownDocument(parsing: bodies["quotes"]!)
        withExtendedLifetime(document) { #expect(document.root.plainText == "रूस") }
    }

    @Test func yamlAliasBombIsRefusedAtItsLine() throws {
        let bomb = """
        - id: lol
          name: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
          aliases: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
          description: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
          wikidata: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
          country: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
          place: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
          date: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
          iso: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
          ? *h
          : boom

        """
        let site = try Site()
        defer { site.remove() }
        site.write("content/entities/organizations.yml", bomb)
        let frontMatter = "---\ntitle: T\ndate: 2024-11-30\nx: &x [a, a, a, a, a, a, a, a, a]\ny: &y [*x, *x, *x, *x, *x, *x, *x, *x, *x]\n? *y\n: boom\n---\nbody\n"
        site.write("content/articles/bomb.md", frontMatter)
        site.expectFailure([
            "content/entities/organizations.yml:2: YAML anchors (&name) and aliases (*name) are not allowed in content",
            "content/articles/bomb.md:4: YAML anchors (&name) and aliases (*name) are not allowed in content",
        ])
    }

    @Test func ampersandsInTextAreNotAnchors() {
        let texts = [
            "title: R&D &co\n", "title: \"&x\"\n", "title: '&x'\n", "title: \"a\n  &x\"\n", "title: x # &x\n",
            "description: |\n  &x is text here\n  &y too\nname: n\n", "aliases: [\"&a\", 'b&c', R&D]\n", "- x &y\n",
        ]
        for text in texts { #expect(YAMLAnchors.firstAnchorLine(in: text) == nil, "\(text)") }
        let anchors = ["a: &x 1\n", "- &x a\n", "a: [1, &x 2]\n", "a: {b: &x c}\n", "a: !!str &x b\n", "? &k a\n: b\n", "&top\n"]
        for text in anchors { #expect(YAMLAnchors.firstAnchorLine(in: text) != nil, "\(text)") }
    }

    @Test func deeplyNestedYAMLIsAnError() throws {
        let site = try Site()
        defer { site.remove() }
        site.write("content/entities/organizations.yml", String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n")
        site.write("content/articles/nested.md", "---\ntitle: T\ndate: 2024-11-30\nx: " + String(repeating: "[", count: 10_000) + "\n---\nbody\n")
        site.expectFailure([
            "content/entities/organizations.yml:1: malformed YAML",
            "content/articles/nested.md:4: malformed YAML",
        ])
        // Just under libyaml's limit of 1,000 levels, Yams' recursive composer must not overflow a worker thread's stack.
        site.write("content/entities/organizations.yml", String(repeating: "[", count: 990) + String(repeating: "]", count: 990) + "\n")
        site.write("content/articles/nested.md", "---\ntitle: T\ndate: 2024-11-30\nx: " + String(repeating: "[", count: 990) + String(repeating: "]", count: 990) + "\n---\nbody\n")
        site.expectFailure([
            "content/entities/organizations.yml:1: each entry must be a mapping with id, name and aliases",
            "content/articles/nested.md:4: warning: unknown key \"x\" is ignored",
        ])
    }

    @Test func frontMatterThatIsAListAndAnEntityFileThatIsNot() throws {
        let site = try Site()
        defer { site.remove() }
        site.write("content/articles/list.md", "---\n- a\n- b\n---\nbody\n")
        site.write("content/entities/countries.yml", "id: russia\nname: Russia\n")
        site.expectFailure([
            "content/articles/list.md:2: front matter must be keys and values",
            "content/entities/countries.yml:1: countries.yml must be a list of entries",
        ])
    }

    @Test func symlinkLoopsInContentAndTheme() throws {
        let site = try Site()
        defer { site.remove() }
        let assets = try FileManager.default.contentsOfDirectory(atPath: site.templates + "/assets").sorted()
        // Two links to a parent in one folder: a walk that follows them without remembering
        // where it has been makes 2^40 paths before the kernel's link limit stops it.
        try FileManager.default.createDirectory(atPath: site.templates + "/assets/sub", withIntermediateDirectories: true)
        for (link, target) in [("content/loop", "."), ("content/articles/up", ".."), ("content/articles/again", ".."),
                               ("templates/assets/self", "."), ("templates/assets/sub/up", "..")] {
            #expect(symlink(target, site.root + "/" + link) == 0)
        }
        let scan = InputScan(content: site.content, templates: site.templates)
        #expect(scan.files.keys.sorted() == ["content/articles/a1.md", "content/entities/countries.yml", "content/entities/people.yml",
                                              "content/site.yml"] + (try FileManager.default.contentsOfDirectory(atPath: site.templates)
                                                .filter { $0.hasSuffix(".mustache") }.map { "templates/" + $0 } + assets.map { "templates/assets/" + $0 }).sorted())
        let theme = try Theme.load(directory: site.templates).get()
        #expect(theme.assetFiles() == assets)
        try site.build()
        var session = try SiteSession(options: BuildOptions(content: site.content, templates: site.templates, output: site.output))
        site.write("content/articles/a1.md", BadInputTests.good["articles/a1.md"]! + "\nरूस।\n")
        #expect(session.rebuild()?.succeeded == true)
    }

    @Test func unreadableFiles() throws {
        let site = try Site()
        defer { site.remove() }
        try FileManager.default.createDirectory(atPath: site.content + "/articles/folder.md", withIntermediateDirectories: true)
        #expect(mkfifo(site.content + "/articles/pipe.md", 0o644) == 0)
        #expect(symlink("self.md", site.content + "/articles/self.md") == 0)
        #expect(symlink("nowhere", site.content + "/articles/dangling.md") == 0)
        site.expectFailure([
            "content/articles/folder.md: not a regular file (a folder, pipe or device) (move it out of the content folder)",
            "content/articles/pipe.md: not a regular file (a folder, pipe or device) (move it out of the content folder)",
            "content/articles/self.md: cannot read the file: Too many levels of symbolic links",
            "content/articles/dangling.md: cannot read the file: No such file or directory",
        ])
    }

    /// Only meaningful for a user the permission bits apply to: root reads a mode-000 file.
    @Test(.enabled(if: geteuid() != 0, "root ignores permission bits; unreadableFiles covers the other ways a read fails"))
    func fileWithoutReadPermission() throws {
        let site = try Site()
        defer { site.remove() }
        site.write("content/articles/secret.md", "---\ntitle: T\ndate: 2024-11-30\n---\nbody\n")
        #expect(chmod(site.content + "/articles/secret.md", 0) == 0)
        site.expectFailure(["content/articles/secret.md: cannot read the file: Permission denied"])
    }

    @Test func templateThatDoesNotParseAndMissingPartial() throws {
        let site = try Site()
        defer { site.remove() }
        site.write("templates/articles.mustache", "{{<layout}}{{$main}}\n<ul>\n{{#articles}}<li>{{title}}</li>\n{{/main}}{{/layout}}\n")
        site.write("templates/notfound.mustache", "{{<layout}}{{$main}}\n<p>gone</p>\n{{> sidebar}}\n{{/main}}{{/layout}}\n")
        site.expectFailure([
            "templates/articles.mustache:4: template does not parse",
            "templates/notfound.mustache:3: partial \"sidebar\" names no template",
        ])
        try FileManager.default.removeItem(atPath: site.templates + "/entity.mustache")
        site.expectFailure(["templates/entity.mustache: missing template \"entity\" (copy it from the default theme)"])
    }

    @Test func fileThatIsAFolderInTheThemeOrRegistry() throws {
        let site = try Site()
        defer { site.remove() }
        try FileManager.default.removeItem(atPath: site.content + "/entities/people.yml")
        try FileManager.default.createDirectory(atPath: site.content + "/entities/people.yml", withIntermediateDirectories: true)
        #expect(mkfifo(site.templates + "/chip2.mustache", 0o644) == 0)
        #expect(mkfifo(site.templates + "/assets/pipe.css", 0o644) == 0)
        site.expectFailure([
            "content/entities/people.yml: not a regular file",
            "templates/chip2.mustache: not a regular file",
        ])
    }
}
