import Foundation
import Testing
@testable import DossierKit

/// Lists that grow with the dossier are cut so that every file stays within what hosts and
/// crawlers take: the article list in pages, the sitemap in files of 50,000 addresses.
@Suite struct PagedListsTests {
    @Test func theArticleListHasAPageForEveryTwoThousandArticles() throws {
        let count = SitePage.articlesPerPage + 1
        var files: [String: String] = [:]
        for number in 0..<count {
            files["articles/a\(number).md"] = "---\ntitle: \"लेख \(number)\"\ndate: 2024-01-01\n---\nरूस।\n"
        }
        let site = try SmallSite(files, name: "paged-list")
        defer { site.remove() }
        let first = site.read("articles/index.html"), second = site.read("articles/page-2.html")
        func listed(_ page: String) -> Int { page.components(separatedBy: "<span class=\"meta\"><time").count - 1 }
        #expect(listed(first) == SitePage.articlesPerPage && listed(second) == 1)
        #expect(first.contains("Page 1 of 2") && second.contains("Page 2 of 2"))
        #expect(first.contains("<a rel=\"next\" href=\"../articles/page-2.html\">") && second.contains("<a rel=\"prev\" href=\"../articles/index.html\">"))
        #expect(!site.sizes().keys.contains("articles/page-3.html"))
        // Every article is on one page of the list: ids sort a0, a1, a10, ... (same date).
        for number in 0..<count {
            let link = "href=\"../articles/a\(number)/index.html\""
            #expect(first.contains(link) != second.contains(link), "a\(number)")
        }
        #expect(site.read("sitemap.xml").contains("<loc>https://example.org/d/articles/page-2.html</loc>"))
    }

    @Test func aSmallListHasNoPagination() throws {
        let site = try SmallSite(["articles/a1.md": articleFile("रूस।\n")])
        defer { site.remove() }
        #expect(!site.read("articles/index.html").contains("class=\"pagination\""))
        #expect(!site.sizes().keys.contains("articles/page-2.html"))
    }

    @Test func aSitemapOfMoreThanFiftyThousandAddressesIsAnIndexOfSitemaps() throws {
        let site = try ResearchSite()
        defer { site.remove() }
        let pages = (1...(Feeds.sitemapURLs + 2)).map { SitePage.articleIndex(page: $0) } + [.notFound]
        let files = Feeds.sitemaps(site.graph, pages: pages)
        #expect(files.map(\.path) == ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml"])
        let index = files[0].make().joined()
        #expect(index.contains("<sitemapindex ") && index.contains("<loc>\(site.analysis.content.site.baseURL)sitemap-2.xml</loc>"))
        let urls = files.dropFirst().map { $0.make().joined().components(separatedBy: "<url>").count - 1 }
        #expect(urls == [Feeds.sitemapURLs, 2])
        // Up to the limit, one sitemap as before.
        #expect(Feeds.sitemaps(site.graph, pages: Array(pages.prefix(Feeds.sitemapURLs))).map(\.path) == ["sitemap.xml"])
    }
}
