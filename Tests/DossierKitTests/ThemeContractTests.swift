import Foundation
import Testing
@testable import DossierKit

/// The theme's contract: the templates `TemplateName` lists are what the README's Themes
/// section lists, what the default theme has, and what a theme is refused without.
@Suite struct ThemeContractTests {
    @Test func readmeListsEveryTemplateTheBuildRenders() throws {
        let readme = try String(contentsOfFile: repositoryRoot + "/README.md", encoding: .utf8)
        #expect(readme.contains(TemplateName.markdownTable), "paste this into README.md's Themes section:\n\(TemplateName.markdownTable)")
    }

    @Test func theDefaultThemeHasEveryTemplateAndAThemeWithoutOneIsRefused() throws {
        let theme = try Theme.load(directory: repositoryRoot + "/templates").get()
        #expect(Set(TemplateName.allCases.map(\.rawValue)).isSubset(of: Set(theme.names)))
        let copy = temporaryFolder("theme-contract") + "/templates"
        defer { try? FileManager.default.removeItem(atPath: (copy as NSString).deletingLastPathComponent) }
        try FileManager.default.copyItem(atPath: repositoryRoot + "/templates", toPath: copy)
        try FileManager.default.removeItem(atPath: copy + "/preview.mustache")
        guard case .failure(let errors) = Theme.load(directory: copy) else {
            Issue.record("a theme without preview.mustache loaded")
            return
        }
        #expect(errors.diagnostics.map(\.description).contains { $0.contains("preview.mustache") && $0.contains("missing template \"preview\"") })
    }

    /// The markup of mentions, sentences and aside items is the theme's: a theme that changes
    /// those templates changes every page that shows them, with no Swift involved.
    @Test func mentionsSentencesAndAsideItemsAreTheThemesMarkup() throws {
        let root = try seedWorkspace("theme-markup")
        defer { try? FileManager.default.removeItem(atPath: root) }
        func edit(_ name: String, _ old: String, _ new: String) throws {
            let path = root + "/templates/" + name + ".mustache"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains(old), "\(name): \(old)")
            try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
        }
        try edit("mention", "<a class=\"mention mention-{{kind}}\"", "<a class=\"named named-{{kind}}\" data-name=\"{{name}}\"")
        try edit("highlight", "<mark>", "<mark class=\"seen\">")
        try edit("sentence", "<li{{#only}}", "<li data-sentence{{#only}}")
        try edit("mentioned", "<span class=\"count\">", "<span class=\"times\">")
        try edit("source", "<section class=\"source\">", "<section class=\"from-article\">")
        try edit("articlestatement", "<blockquote lang=\"hi\">", "<blockquote class=\"words\" lang=\"hi\">")
        try SiteBuilder.build(BuildOptions(content: root + "/content", templates: root + "/templates", output: root + "/public"))
        func page(_ path: String) throws -> String { try String(contentsOfFile: root + "/public/" + path, encoding: .utf8) }
        let articles = try FileManager.default.contentsOfDirectory(atPath: root + "/public/articles").filter { !$0.hasSuffix(".html") }
        let pages = try articles.map { try page("articles/" + $0 + "/index.html") }
        let body = pages.joined()
        #expect(body.contains("<a class=\"named named-person\" data-name=\"Kim Jong-un\" id=\"m"))
        #expect(!body.contains("class=\"mention "))
        #expect(body.contains("<span class=\"times\">") && !body.contains("<span class=\"count\">"))
        #expect(body.contains("<blockquote class=\"words\" lang=\"hi\">"))
        let russia = try page("countries/russia/index.html")
        #expect(russia.contains("<section class=\"from-article\">") && !russia.contains("<section class=\"source\">"))
        #expect(russia.contains("<li data-sentence>") && russia.contains("<mark class=\"seen\"><a href=\"../../articles/"))
    }

    /// A template filled per item must write the HTML it wraps once, unescaped, outside any
    /// section; a theme that does not is refused at load, naming the file.
    @Test func aCutTemplateThatLosesItsHTMLIsRefused() throws {
        for (name, text) in [("mention", "<a href=\"{{url}}\">{{text}}</a>"), ("sentence", "<li>{{#only}}{{{text}}}{{/only}}</li>\n"),
                             ("source", "<h3>{{title}}</h3>\n"), ("highlight", "{{{text}}}{{{text}}}")] {
            let copy = temporaryFolder("theme-cut") + "/templates"
            defer { try? FileManager.default.removeItem(atPath: (copy as NSString).deletingLastPathComponent) }
            try FileManager.default.copyItem(atPath: repositoryRoot + "/templates", toPath: copy)
            try text.write(toFile: copy + "/" + name + ".mustache", atomically: true, encoding: .utf8)
            guard case .failure(let errors) = Theme.load(directory: copy) else {
                Issue.record("\(name): a theme that loses its HTML loaded")
                continue
            }
            #expect(errors.diagnostics.map(\.description).contains { $0.contains(name + ".mustache") && $0.contains("holds HTML") },
                    "\(name): \(errors.diagnostics)")
        }
    }

    /// Annotate's neutral markers become the theme's links, each closed where its text ends;
    /// a marker naming no entity is dropped with its close and keeps its text.
    @Test func mentionMarkersBecomeTheThemesLinks() {
        let registry = Registry([country("russia", "Russia & co", ["रूस"])])
        let markup = MentionMarkup(theme: defaultTheme, registry: registry, root: "../../")
        let body = "<p>" + MentionMarker.open(0, anchor: 7) + "रूस" + MentionMarker.close + " और "
            + MentionMarker.open(5, anchor: 8) + "x" + MentionMarker.close + "</p>"
        #expect(markup.html(body) == "<p><a class=\"mention mention-country\" id=\"m7\" href=\"../../countries/russia/index.html\" "
            + "title=\"Russia &amp; co\" data-entity=\"country:russia\">रूस</a> और x</p>")
    }
}
