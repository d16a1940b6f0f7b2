/// Every page of the site, and where it is written.
enum SitePage: Sendable, Hashable {
    case home
    /// The list of all articles, newest first; `page` counts from 1 (`articlesPerPage` each).
    case articleIndex(page: Int)
    case article(Int32)
    case entityIndex(EntityKind)
    /// An entity's page; `page` counts from 1 (long mention lists are paginated).
    case entity(EntityIndex, page: Int)
    case notFound
    /// The whole dossier's network and its downloads.
    case explore
    /// Search over names, titles and (with Pagefind) full text.
    case search
    /// The figures the articles report, by subject; and one subject's, side by side in date
    /// order (`page` counts from 1, `figuresPerPage` each).
    case figures
    case figureSubject(FigureSubject, page: Int)

    /// Path under the output folder.
    func path(in content: Content) -> String {
        switch self {
        case .home: return PageFile.of("")
        case .articleIndex(let page): return page == 1 ? PageFile.of("articles/") : "articles/page-\(page).html"
        case .article(let index): return content.articles[Int(index)].pagePath
        case .entityIndex(let kind): return PageFile.of(kind.folder + "/")
        case .entity(let index, let page):
            let base = content.registry[index].path
            // Later pages sit beside the first: no folder per page.
            return page == 1 ? PageFile.of(base) : base + "page-\(page).html"
        case .notFound: return "404.html"
        case .explore: return PageFile.of("explore/")
        case .search: return PageFile.of("search/")
        case .figures: return PageFile.of("figures/")
        case .figureSubject(let subject, let page):
            return page == 1 ? FigureSubject.path(subject) : "figures/\(subject.rawValue)/page-\(page).html"
        }
    }

    /// Relative prefix from the page to the site root (`../../` for `articles/x/index.html`).
    func root(in content: Content) -> String { PageFile.root(of: path(in: content)) }

    /// The pages every site has, whatever its content.
    static let fixed: [SitePage] = [.home, .articleIndex(page: 1), .notFound]
        + EntityKind.allCases.map { .entityIndex($0) } + [.explore, .search]

    /// Articles on one page of the article list: a list of 100,000 articles on one page was
    /// 30 MB, over what static hosts take for a file (shared/DESIGN.md: 20 MiB).
    static let articlesPerPage = 2_000

    /// Figures on one page of a subject's figures.
    static let figuresPerPage = 500

    /// How many pages a subject with `figures` figures has.
    static func figureSubjectPages(_ figures: Int) -> Int { max(1, (figures + figuresPerPage - 1) / figuresPerPage) }

    /// How many pages the article list has.
    static func articleIndexPages(articles: Int) -> Int { max(1, (articles + articlesPerPage - 1) / articlesPerPage) }

    /// The article list's later pages (the first is one of `fixed`).
    static func laterArticleIndexPages(articles: Int) -> [SitePage] {
        let count = articleIndexPages(articles: articles)
        return count < 2 ? [] : (2...count).map { .articleIndex(page: $0) }
    }

    /// Every page but the entity pages (those need the graph to know how many there are).
    static func all(articles: Int) -> [SitePage] {
        fixed + laterArticleIndexPages(articles: articles) + (0..<articles).map { .article(Int32($0)) }
    }

    /// Every page of the site, in a fixed order.
    static func all(_ graph: SiteGraph, pagination: EntityPagination) -> [SitePage] {
        all(articles: graph.content.articles.count) + entityPages(pagination)
    }

    /// Each entity's pages.
    static func entityPages(_ pagination: EntityPagination) -> [SitePage] {
        var pages: [SitePage] = []
        for (index, ranges) in pagination.pages.enumerated() {
            pages += (1...ranges.count).map { .entity(EntityIndex(index), page: $0) }
        }
        return pages
    }

}
