/// `content/site.yml`.
public struct SiteConfig: Sendable, Hashable {
    public var title: String
    public var description: String
    /// BCP 47 language of the content, for `<html lang>`.
    public var language: String
    /// Absolute URL the site is published at, ending in `/`; used only in the sitemap and feeds.
    public var baseURL: String
    public var author: String?

    public init(title: String = "Dossier", description: String = "", language: String = "hi",
                baseURL: String = "https://example.org/", author: String? = nil) {
        self.title = title
        self.description = description
        self.language = language
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.author = author
    }
}
