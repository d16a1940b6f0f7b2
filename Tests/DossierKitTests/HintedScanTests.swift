import Foundation
import Testing
@testable import DossierKit

/// A rebuild in `dossier serve` looks only at the paths the file watcher names
/// (`InputScan.updated(at:)`): for every kind of edit that must give the scan a full walk
/// gives, and where it cannot tell, it must say so and leave the walk to do it.
@Suite struct HintedScanTests {
    private func scan(_ root: String) -> InputScan { InputScan(content: root + "/content", templates: root + "/templates") }

    private func updated(_ old: InputScan, _ root: String, _ paths: [String]) -> InputScan? {
        old.updated(at: Set(paths.map { root + "/" + $0 }), content: root + "/content", templates: root + "/templates")
    }

    @Test func eachFileEditGivesWhatAFullScanGives() throws {
        let root = try seedWorkspace("hinted-scan")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let articles = try FileManager.default.contentsOfDirectory(atPath: root + "/content/articles").filter { $0.hasSuffix(".md") }.sorted()
        let edited = "content/articles/" + articles[0], removed = "content/articles/" + articles[1]
        let edits: [(String, [String], () throws -> Void)] = [
            ("an article appended to", [edited], {
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: root + "/" + edited))
                handle.seekToEndOfFile()
                handle.write(Data("\nएक नया वाक्य।\n".utf8))
                try handle.close()
            }),
            ("a new article", ["content/articles/new.md"], {
                try "---\ntitle: नया\ndate: 2024-01-01\n---\nनया।\n".write(toFile: root + "/content/articles/new.md", atomically: false, encoding: .utf8)
            }),
            ("an article removed", [removed], { try FileManager.default.removeItem(atPath: root + "/" + removed) }),
            // An editor's save: a temporary file written, then renamed over the article.
            ("a save through a temporary file", [edited + ".tmp", edited], {
                try "---\ntitle: बदला\ndate: 2024-01-02\n---\nबदला।\n".write(toFile: root + "/" + edited + ".tmp", atomically: false, encoding: .utf8)
                #expect(rename(root + "/" + edited + ".tmp", root + "/" + edited) == 0)
            }),
            ("a template", ["templates/layout.mustache"], {
                let path = root + "/templates/layout.mustache"
                try (String(contentsOfFile: path, encoding: .utf8) + "\n").write(toFile: path, atomically: false, encoding: .utf8)
            }),
            ("a path that did not change", ["content/site.yml"], {}),
        ]
        var before = scan(root)
        for (what, paths, edit) in edits {
            try edit()
            let full = scan(root)
            let hinted = try #require(updated(before, root, paths), "\(what)")
            #expect(hinted == full, "\(what)")
            #expect(hinted.changes(since: before) == full.changes(since: before), "\(what)")
            before = full
        }
    }

    @Test func foldersAndPathsOutsideTheInputsAskForAFullScan() throws {
        let root = try seedWorkspace("hinted-scan-folders")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let before = scan(root)
        try FileManager.default.createDirectory(atPath: root + "/content/articles/more", withIntermediateDirectories: false)
        #expect(updated(before, root, ["content/articles/more"]) == nil)
        #expect(updated(before, root, ["content/articles"]) == nil)
        #expect(updated(before, root, ["elsewhere/x.md"]) == nil)
        // A file in a folder the last scan did not see.
        try "x".write(toFile: root + "/content/articles/more/x.md", atomically: false, encoding: .utf8)
        #expect(updated(before, root, ["content/articles/more/x.md"]) == nil)
    }

    /// The session takes the watcher's paths: an edit they name is rebuilt as a full look would.
    @Test func aSessionRebuildsWhatThePathsName() throws {
        let root = try seedWorkspace("hinted-session")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let options = BuildOptions(content: root + "/content", templates: root + "/templates", output: root + "/public")
        var hinted = try SiteSession(options: options)
        var looked = try SiteSession(options: options)
        let article = try FileManager.default.contentsOfDirectory(atPath: root + "/content/articles").filter { $0.hasSuffix(".md") }.sorted()[0]
        let path = root + "/content/articles/" + article
        try (String(contentsOfFile: path, encoding: .utf8) + "\nरूस और उत्तर कोरिया ने बात की।\n").write(toFile: path, atomically: false, encoding: .utf8)
        let report = try #require(Optional(hinted.rebuild(changedPaths: [path])) ?? nil)
        let full = try #require(Optional(looked.rebuild()) ?? nil)
        #expect(report.changedInputs == ["content/articles/" + article])
        #expect(report.changedInputs == full.changedInputs)
        #expect(report.renderedPaths == full.renderedPaths)
        #expect(!report.renderedPaths.isEmpty)
        // Nothing named, nothing changed since: no rebuild.
        #expect(hinted.rebuild(changedPaths: []) == nil)
    }
}
