import Foundation
import Yams

/// Loads `content/site.yml`; a missing file gives defaults and a warning.
enum SiteConfigLoader {
    static func load(path: String, display: String) -> (SiteConfig, [Diagnostic]) {
        guard FileManager.default.fileExists(atPath: path) else {
            return (SiteConfig(), [.warning(display, nil, "no site.yml; using default title and base_url",
                                            hint: "create it with title, description, language and base_url")])
        }
        switch ContentFile.readText(path, display: display) {
        case .failure(let diagnostic): return (SiteConfig(), [diagnostic])
        case .success(let value): return parse(value, display: display)
        }
    }

    /// The configuration from the text of a site.yml; `display` is the path shown in messages.
    static func parse(_ value: String, display: String) -> (SiteConfig, [Diagnostic]) {
        let (text, invisible) = InvisibleControls.removing(from: value, file: display)
        let root: Node?
        do { root = try YAMLFields.compose(text, file: display) } catch {
            return (SiteConfig(), invisible + [YAMLFields.diagnostic(for: error, file: display)])
        }
        guard case .mapping(let mapping)? = root else {
            return (SiteConfig(), invisible + [.error(display, 1, "site.yml must be keys and values (title: ..., base_url: ...)")])
        }
        var fields = YAMLFields(file: display, mapping: mapping)
        fields.warnUnknownKeys(["title", "description", "language", "base_url", "author"])
        let defaults = SiteConfig()
        var baseURL = fields.string("base_url") ?? defaults.baseURL
        if !WebAddress.isValid(baseURL) {
            fields.report(.error(display, fields.lineOf("base_url"), "base_url \"\(baseURL)\" is not an absolute http(s) URL",
                                 hint: "e.g. https://example.org/dossier/"))
            baseURL = defaults.baseURL
        }
        var language = fields.string("language") ?? defaults.language
        if !isLanguageTag(language) {
            fields.report(.error(display, fields.lineOf("language"), "language \"\(language)\" is not a language tag",
                                 hint: "e.g. hi, en or hi-IN"))
            language = defaults.language
        }
        let title = fields.string("title"), description = fields.string("description"), author = fields.string("author")
        fields.checkLength("title", title, shownOn: "every page")
        fields.checkLength("author", author, shownOn: "every page and feed")
        fields.checkLength("description", description, limit: 1_000, shownOn: "every page")
        let config = SiteConfig(title: title ?? defaults.title,
                                description: description ?? "",
                                language: language,
                                baseURL: baseURL, author: author)
        return (config, invisible + fields.diagnostics)
    }

    /// A BCP 47 tag in its common shape: letters, then parts of letters and digits (`hi`, `hi-IN`).
    static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}
