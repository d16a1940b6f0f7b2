import Mustache

/// The escaping Mustache applies to `{{value}}` in the theme's templates: the same five
/// characters as swift-mustache's HTML type, escaped over UTF-8 bytes instead of
/// Characters (grapheme breaking Devanagari made escaping a large share of a build).
struct HTMLContentType: MustacheContentType {
    static let name = "DOSSIER_HTML"
    /// Put before each template's text, on a line of its own (so it leaves no trace in the
    /// output), so that the template's values are escaped with this type.
    static let pragma = "{{% CONTENT_TYPE: \(name)}}\n"

    static let registered: Void = MustacheContentTypes.register(HTMLContentType(), named: name)

    func escapeText(_ text: String) -> String { HTML.escape(text) }
}
