import Foundation
import Yams

/// Loads `content/site.yml`; a missing file gives defaults and a warning.
public enum SiteConfigLoader {
    public static func load(path: String, display: String) -> (SiteConfig, [Diagnostic]) {
        guard FileManager.default.fileExists(atPath: path) else {
            return (SiteConfig(), [.warning(display, nil, "no site.yml; using default title and base_url",
                                            hint: "create it with title, description, language and base_url")])
        }
        let text: String
        switch ContentFile.readText(path, display: display) {
        case .failure(let diagnostic): return (SiteConfig(), [diagnostic])
        case .success(let value): text = value
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            return (SiteConfig(), [YAMLFields.diagnostic(for: error, file: display)])
        }
        guard case .mapping(let mapping)? = root else {
            return (SiteConfig(), [.error(display, 1, "site.yml must be keys and values (title: ..., base_url: ...)")])
        }
        var fields = YAMLFields(file: display, mapping: mapping)
        fields.warnUnknownKeys(["title", "description", "language", "base_url", "author"])
        let defaults = SiteConfig()
        var baseURL = fields.string("base_url") ?? defaults.baseURL
        if !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) {
            fields.report(.error(display, fields.lineOf("base_url"), "base_url \"\(baseURL)\" is not an absolute http(s) URL",
                                 hint: "e.g. https://example.org/dossier/"))
            baseURL = defaults.baseURL
        }
        let config = SiteConfig(title: fields.string("title") ?? defaults.title,
                                description: fields.string("description") ?? "",
                                language: fields.string("language") ?? defaults.language,
                                baseURL: baseURL, author: fields.string("author"))
        return (config, fields.diagnostics)
    }
}
