/// Everything loaded from a content folder: the input of the pipeline.
public struct Content: Sendable {
    public var site: SiteConfig
    public var registry: Registry
    /// In file name order.
    public var articles: [Article]

    public init(site: SiteConfig, registry: Registry, articles: [Article]) {
        self.site = site
        self.registry = registry
        self.articles = articles
    }
}
