import Foundation
@testable import DossierKit

/// A small dossier built from files given as text (relative to `content/`), with the
/// default theme: for tests that build hostile or oversized inputs and look at the output.
struct SmallSite {
    let root: String
    let report: BuildReport
    var output: String { root + "/public" }

    /// A site.yml, one person (Kim Jong-un, aliases किम जोंग-उन and किम) and one country
    /// (Russia, रूस), unless `files` gives its own.
    static let defaults = [
        "site.yml": "title: T\nlanguage: hi\nbase_url: https://example.org/d/\n",
        "entities/people.yml": "- id: kim-jong-un\n  name: Kim Jong-un\n  aliases: [किम जोंग-उन]\n",
        "entities/countries.yml": "- id: russia\n  name: Russia\n  aliases: [रूस]\n",
    ]

    init(_ files: [String: String], name: String = "small-site") throws {
        root = temporaryFolder(name)
        writeFiles(SmallSite.defaults.merging(files) { $1 }, under: root + "/content")
        report = try SiteBuilder.build(BuildOptions(content: root + "/content", templates: repositoryRoot + "/templates",
                                                    output: root + "/public"))
    }

    func read(_ path: String) -> String { (try? String(contentsOfFile: output + "/" + path, encoding: .utf8)) ?? "" }

    /// Every file of the output with its size in bytes.
    func sizes() -> [String: Int] {
        var result: [String: Int] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: output)?.allObjects ?? [] {
            let attributes = try? FileManager.default.attributesOfItem(atPath: output + "/" + path)
            if (attributes?[.type] as? FileAttributeType) == .typeRegular { result[path] = (attributes?[.size] as? Int) ?? 0 }
        }
        return result
    }

    var totalSize: Int { sizes().values.reduce(0, +) }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}

/// An article file: front matter with `title` and `date`, then `body`.
func articleFile(_ body: String, title: String = "शीर्षक", date: String = "2024-11-30", extra: String = "") -> String {
    "---\ntitle: \"\(title)\"\ndate: \(date)\n\(extra)---\n\(body)"
}
