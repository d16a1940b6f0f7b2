/// What lists the articles: the article index (2,000 a page), the sitemap (which lists the
/// entity and figure pages too), `data/articles.json` while it fits in one part, and the articles
/// table's parts. They show only each article's title, date, source, address and raw page.
struct ArticleListEmitter: SiteEmitter {
    func outputs(_ site: RenderedSite) -> [SiteOutput] {
        let graph = site.graph
        let listChanged: @Sendable (GraphChange) -> Bool = { $0.listChanged }
        var outputs = ([.articleIndex(page: 1)] + SitePage.laterArticleIndexPages(articles: graph.content.articles.count)).map { page in
            SiteOutput(path: page.path(in: graph.content), affectedBy: listChanged) { [site.render(page)] }
        }
        let pages = SitePage.all(graph, pagination: site.pagination) + FigurePagesEmitter.pages(site)
        for sitemap in Feeds.sitemaps(graph, pages: pages) {
            // The figure subjects a change reaches may gain or lose pages.
            outputs.append(SiteOutput(path: sitemap.path, affectedBy: { $0.listChanged || $0.pageCountsChanged || !$0.figureSubjects.isEmpty },
                                      make: sitemap.make))
        }
        let parts = site.dataParts
        if DataFiles.articlesFitWhole(parts) {
            outputs.append(SiteOutput(path: "data/articles.json", affectedBy: listChanged) { DataFiles.articles(graph.content) })
        }
        for part in parts.parts(of: .articles) {
            for format in DataTable.Format.allCases {
                outputs.append(SiteOutput(path: parts.path(of: part, format), isLarge: true, affectedBy: listChanged) { emit in
                    parts.write(part, format, emit: emit)
                })
            }
        }
        return outputs
    }
}
