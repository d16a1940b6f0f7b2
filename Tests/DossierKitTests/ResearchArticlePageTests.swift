import Foundation
import Testing
@testable import DossierKit

/// Article pages: hover previews for every mention, and a ready-made citation.
@Suite struct ResearchArticlePageTests {
    @Test func everyMentionHasAPreviewAndThePreviewScriptIsLoaded() throws {
        let site = try ResearchSite()
        defer { site.remove() }
        let script = site.read("assets/preview.js")
        #expect(script.contains("a.mention") && script.contains("entity-previews"))
        for article in site.analysis.content.articles {
            let page = site.read(article.path + "index.html")
            #expect(page.contains("<script src=\"../../assets/preview.js\" defer></script>"), "\(article.id)")
            let previews = try #require(page.range(of: "<div id=\"entity-previews\" hidden"), "\(article.id)")
            let store = String(page[previews.lowerBound...])
            let mentioned = Set(attributeValues(page, names: ["data-entity"]))
            #expect(!mentioned.isEmpty)
            for key in mentioned { #expect(store.contains("data-entity=\"\(key)\""), "\(article.id): no preview for \(key)") }
            // Without JavaScript the mention keeps its tooltip.
            #expect(page.contains("class=\"mention mention-person\"") && page.contains(" title=\""))
        }
        let shoigu = site.read("articles/2024-09-14-shoigu-kim-pyongyang-visit/index.html")
        #expect(shoigu.contains("data-entity=\"person:sergei-shoigu\"><p class=\"kind\">person</p><p class=\"preview-name\"><a href=\"../../people/sergei-shoigu/index.html\">Sergei Shoigu</a>"))
        #expect(shoigu.contains("Minister of Defence of Russia until May 2024"))
    }

    @Test func everyArticleOffersACitation() throws {
        let site = try ResearchSite()
        defer { site.remove() }
        for article in site.analysis.content.articles {
            let page = site.read(article.path + "index.html")
            let citation = Citation(article: article, site: site.analysis.content.site)
            #expect(page.contains("<p class=\"citation-text\">\(HTML.escape(citation.text))</p>"), "\(article.id)")
            #expect(page.contains("@online{\(article.id),"), "\(article.id)")
        }
        let withURL = try #require(site.analysis.content.articles.first { $0.url != nil })
        let citation = Citation(article: withURL, site: site.analysis.content.site)
        #expect(citation.text == "Báo Quốc tế. “\(withURL.title).” 14 September 2024. \(withURL.url!). Accessed 14 September 2024.")
    }

    @Test func citationUsesAccessedAndEscapesBibLaTeX() {
        let site = SiteConfig(title: "D", baseURL: "https://example.org/d")
        let article = Article(id: "a-1", title: "50% of {x} & y_z", date: "2024-11-30", source: "NDTV", language: "hi",
                              accessed: "2024-12-02", body: "")
        let citation = Citation(article: article, site: site)
        #expect(!citation.isOriginal && citation.url == "https://example.org/d/articles/a-1/")
        #expect(citation.text == "NDTV. “50% of {x} & y_z.” 30 November 2024. https://example.org/d/articles/a-1/. Accessed 2 December 2024.")
        #expect(citation.bibtex.contains("  title = {50\\% of \\{x\\} \\& y\\_z},"))
        #expect(citation.bibtex.contains("  urldate = {2024-12-02},") && citation.bibtex.hasSuffix("\n}"))
    }

    @Test func accessedFrontMatterIsReadAndChecked() {
        let good = ArticleLoader.parse("---\ntitle: \"T\"\ndate: 2024-11-30\naccessed: 2024-12-01\n---\nBody\n", id: "a", file: "a.md")
        #expect(good.0?.accessed == "2024-12-01" && good.1.isEmpty)
        let bad = ArticleLoader.parse("---\ntitle: \"T\"\ndate: 2024-11-30\naccessed: yesterday\n---\nBody\n", id: "a", file: "a.md")
        #expect(bad.0 == nil)
        #expect(bad.1.map(\.description).contains { $0.hasPrefix("a.md:4: bad access date \"yesterday\"") }, "\(bad.1)")
    }
}
