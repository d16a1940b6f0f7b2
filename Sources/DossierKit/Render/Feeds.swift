import Foundation

/// `feed.xml` (Atom, newest articles) and `sitemap.xml`: the only files with absolute URLs.
enum Feeds {
    static let feedLimit = 50

    static func atom(_ graph: SiteGraph) -> String {
        let content = graph.content
        let base = content.site.baseURL
        let newest = graph.articlesByDate.prefix(feedLimit)
        let updated = (newest.first.map { content.articles[Int($0)].date } ?? "1970-01-01") + "T00:00:00Z"
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(HTML.escape(content.site.language))">
          <title>\(HTML.escape(content.site.title))</title>
          <subtitle>\(HTML.escape(content.site.description))</subtitle>
          <link href="\(HTML.escape(base))feed.xml" rel="self"/>
          <link href="\(HTML.escape(base))"/>
          <id>\(HTML.escape(base))</id>
          <updated>\(updated)</updated>
          <author><name>\(HTML.escape(content.site.author ?? content.site.title))</name></author>

        """
        for index in newest {
            xml += entry(content.articles[Int(index)], summary: graph.annotated[Int(index)].summary, base: base)
        }
        return xml + "</feed>\n"
    }

    /// One article as an Atom entry (the site's feed and each entity's).
    static func entry(_ article: Article, summary: String, base: String) -> String {
        let url = base + article.path
        var xml = """
          <entry>
            <title>\(HTML.escape(article.title))</title>
            <link href="\(HTML.escape(url))"/>
            <id>\(HTML.escape(url))</id>
            <updated>\(article.date)T00:00:00Z</updated>
            <summary>\(HTML.escape(summary))</summary>
        """
        if let source = article.source { xml += "\n    <author><name>\(HTML.escape(source))</name></author>" }
        return xml + "\n  </entry>\n"
    }

    /// URLs a sitemap file may list (the sitemaps.org protocol's limit).
    static let sitemapURLs = 50_000

    /// `sitemap.xml`, and when the site has more than `sitemapURLs` pages, `sitemap-N.xml`
    /// files of that many each with `sitemap.xml` the sitemap index that lists them.
    static func sitemaps(_ graph: SiteGraph, pages: [SitePage]) -> [(path: String, make: @Sendable () -> [String])] {
        let listed = pages.filter { $0 != .notFound }
        guard listed.count > sitemapURLs else { return [("sitemap.xml", { sitemap(graph, pages: listed) })] }
        let parts = stride(from: 0, to: listed.count, by: sitemapURLs).map { Array(listed[$0..<min($0 + sitemapURLs, listed.count)]) }
        let base = graph.content.site.baseURL
        var files: [(path: String, make: @Sendable () -> [String])] = [("sitemap.xml", {
            ["<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"]
                + parts.indices.map { "  <sitemap><loc>\(HTML.escape(base + "sitemap-\($0 + 1).xml"))</loc></sitemap>\n" }
                + ["</sitemapindex>\n"]
        })]
        for (number, part) in parts.enumerated() {
            files.append(("sitemap-\(number + 1).xml", { sitemap(graph, pages: part) }))
        }
        return files
    }

    static func sitemap(_ graph: SiteGraph, pages: [SitePage]) -> [String] {
        let content = graph.content
        var chunks = ["<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"]
        for page in pages where page != .notFound {
            let path = PageFile.address(page.path(in: content))
            var entry = "  <url><loc>\(HTML.escape(content.site.baseURL + path))</loc>"
            if case .article(let index) = page { entry += "<lastmod>\(content.articles[Int(index)].date)</lastmod>" }
            chunks.append(entry + "</url>\n")
        }
        chunks.append("</urlset>\n")
        return chunks
    }
}
