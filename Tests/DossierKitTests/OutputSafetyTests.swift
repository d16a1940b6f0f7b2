import Foundation
import Testing
@testable import DossierKit

/// A build never deletes what no build wrote: it refuses outputs that are or hold the
/// content, the theme or the project, refuses a foreign folder unless told `clean`, reads a
/// manifest strictly, keeps hidden files, and cleans up after builds that were killed.
@Suite(.serialized) struct OutputSafetyTests {
    func options(_ root: String, output: String, clean: Bool = false) -> BuildOptions {
        BuildOptions(content: root + "/content", templates: root + "/templates", output: output, clean: clean)
    }

    /// Every file under `folder` (hidden ones too) → its bytes.
    func files(_ folder: String) -> [String: Data] {
        var result: [String: Data] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: folder)?.allObjects ?? [] {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
                result[path] = FileManager.default.contents(atPath: folder + "/" + path)
            }
        }
        return result
    }

    func inode(_ path: String) -> UInt64? {
        var info = stat()
        return lstat(path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    @Test func refusesTheContentTheTemplatesAndTheProjectFolder() throws {
        let root = try seedWorkspace("output-safety")
        defer { try? FileManager.default.removeItem(atPath: root) }
        writeFiles(["content/notes.txt": "mine\n"], under: root)
        let before = files(root)
        for output in [root + "/content", root + "/templates", root, root + "/", root + "/content/articles",
                       root + "/templates/assets/site", root + "/content/../content", (root as NSString).deletingLastPathComponent, "/",
                       NSHomeDirectory()] {
            #expect(throws: OutputRefusal.self, "\(output)") { try SiteBuilder.build(options(root, output: output)) }
            #expect(throws: OutputRefusal.self, "\(output) with --clean") { try SiteBuilder.build(options(root, output: output, clean: true)) }
        }
        // A link to the content folder is the content folder.
        try FileManager.default.createSymbolicLink(atPath: root + "/site", withDestinationPath: root + "/content")
        #expect(throws: OutputRefusal.self) { try SiteBuilder.build(options(root, output: root + "/site")) }
        try FileManager.default.removeItem(atPath: root + "/site")
        #expect(files(root) == before)
    }

    @Test func aFolderNoBuildWroteIsRefusedAndWithCleanReplacedKeepingHiddenFiles() throws {
        let root = try seedWorkspace("output-safety")
        defer { try? FileManager.default.removeItem(atPath: root) }
        writeFiles(["public/index.html": "<p>mine</p>\n", "public/notes/a.txt": "a\n", "public/CNAME": "d.example.org\n",
                    "public/.nojekyll": "", "public/.git/HEAD": "ref: refs/heads/gh-pages\n",
                    "public/.git/objects/ab/cdef": "object\n"], under: root)
        let before = files(root + "/public")
        let error = #expect(throws: OutputRefusal.self) { try SiteBuilder.build(options(root, output: root + "/public")) }
        #expect(error?.description.contains("--clean") == true)
        #expect(files(root + "/public") == before)

        let gitObject = inode(root + "/public/.git/objects/ab/cdef")
        try SiteBuilder.build(options(root, output: root + "/public", clean: true))
        let after = files(root + "/public")
        #expect(after["notes/a.txt"] == nil)
        #expect(after["index.html"] != before["index.html"])
        for kept in ["CNAME", ".nojekyll", ".git/HEAD", ".git/objects/ab/cdef"] { #expect(after[kept] == before[kept], "\(kept)") }
        #expect(inode(root + "/public/.git/objects/ab/cdef") == gitObject)
    }

    @Test func aGitCheckoutWithoutManifestIsBuiltIntoAndItsGitKept() throws {
        let root = try seedWorkspace("output-safety")
        defer { try? FileManager.default.removeItem(atPath: root) }
        // What `git worktree add public gh-pages` of an empty branch leaves.
        writeFiles(["public/.git": "gitdir: ../.git/worktrees/public\n"], under: root)
        try SiteBuilder.build(options(root, output: root + "/public"))
        #expect(try String(contentsOfFile: root + "/public/.git", encoding: .utf8) == "gitdir: ../.git/worktrees/public\n")
        #expect(FileManager.default.fileExists(atPath: root + "/public/index.html"))
    }

    @Test func aCutOffOrForgedManifestIsNoManifest() throws {
        let root = try seedWorkspace("output-safety")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let public_ = root + "/public", manifest = root + "/.public.dossier-manifest"
        try SiteBuilder.build(options(root, output: public_))
        writeFiles(["public/CNAME": "d.example.org\n", "public/.nojekyll": "", "public/pagefind/pagefind.js": "x\n",
                    "content/notes.txt": "mine\n"], under: root)
        let good = try String(contentsOfFile: manifest, encoding: .utf8)
        let lines = good.split(separator: "\n", omittingEmptySubsequences: false)
        let forged = lines.prefix(2).joined(separator: "\n") + "\n0 1 1 1 ../content/notes.txt\n" + lines.dropFirst(2).joined(separator: "\n")
        let variants = [
            String(good.prefix(good.count / 2)),                    // cut off mid-line
            String(good.prefix(good.count - 3)),                    // cut inside the end line
            lines.filter { !$0.contains("index.html") || $0.hasPrefix("end") }.joined(separator: "\n"),  // lines lost
            forged,                                                 // an entry outside the output
            good.replacingOccurrences(of: " articles/", with: " /etc/"),  // absolute paths
            "dossier-manifest 1\n0 1 1 1 ../content/notes.txt\n",  // the old format, forged
        ]
        let before = files(root)
        for variant in variants {
            try variant.write(toFile: manifest, atomically: true, encoding: .utf8)
            #expect(BuildManifest(output: public_) == nil, "\(variant.suffix(80))")
            #expect(throws: OutputRefusal.self) { try SiteBuilder.build(options(root, output: public_)) }
            var now = files(root)
            now[".public.dossier-manifest"] = before[".public.dossier-manifest"]
            #expect(now == before)
        }
        // With --clean the site is rebuilt and nothing outside it, nor any hidden file or CNAME, is touched.
        try SiteBuilder.build(options(root, output: public_, clean: true))
        let after = files(root)
        for kept in ["content/notes.txt", "public/CNAME", "public/.nojekyll"] { #expect(after[kept] == before[kept], "\(kept)") }
        #expect(BuildManifest(output: public_) != nil)
    }

    @Test func filesNoBuildWroteSurviveRebuildsThatChangeThings() throws {
        let root = try seedWorkspace("output-safety")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let public_ = root + "/public"
        try SiteBuilder.build(options(root, output: public_))
        writeFiles(["public/CNAME": "d.example.org\n", "public/.nojekyll": "", "public/pagefind/pagefind.js": "x\n",
                    "public/pagefind/fragment/a.pf": "y\n", "public/articles/mine.txt": "z\n"], under: root)
        try FileManager.default.createDirectory(atPath: public_ + "/.well-known", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: public_ + "/latest", withDestinationPath: "articles/index.html")
        let pagefind = inode(public_ + "/pagefind/pagefind.js")
        writeFiles(["templates/layout.mustache": try String(contentsOfFile: root + "/templates/layout.mustache", encoding: .utf8) + "<!-- v2 -->\n"], under: root)
        try SiteBuilder.build(options(root, output: public_))
        #expect(try String(contentsOfFile: public_ + "/index.html", encoding: .utf8).contains("<!-- v2 -->"))
        let after = files(public_)
        #expect(after["CNAME"] != nil && after[".nojekyll"] != nil && after["pagefind/fragment/a.pf"] != nil && after["articles/mine.txt"] != nil)
        #expect(inode(public_ + "/pagefind/pagefind.js") == pagefind)
        #expect(FileManager.default.fileExists(atPath: public_ + "/.well-known"))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: public_ + "/latest")) == "articles/index.html")
    }

    @Test func debrisOfKilledBuildsIsRemovedAndNothingElse() throws {
        let root = try seedWorkspace("output-safety")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let public_ = root + "/public"
        try SiteBuilder.build(options(root, output: public_))
        let debris = [".public.dossier-stage-99999/index.html", "public.tmp-4242/index.html", "public.old-17/articles/index.html",
                      "public/articles/.index.html.dossier-31337", "public/.index.html.dossier-5"]
        let others = ["public.backup/index.html", ".public.notes", "public.tmp-x/keep", "public/.keep.dossier-notes"]
        writeFiles(Dictionary(uniqueKeysWithValues: (debris + others).map { ($0, "x\n") }), under: root)
        writeFiles(["templates/layout.mustache": try String(contentsOfFile: root + "/templates/layout.mustache", encoding: .utf8) + "<!-- v2 -->\n"], under: root)
        try SiteBuilder.build(options(root, output: public_))
        for path in debris { #expect(!FileManager.default.fileExists(atPath: root + "/" + path), "\(path)") }
        for path in others { #expect(FileManager.default.fileExists(atPath: root + "/" + path), "\(path)") }
        let beside = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.contains("dossier") }.sorted()
        #expect(beside == [".public.dossier-lock", ".public.dossier-manifest", ".public.dossier-spare"])
    }

    @Test func theSpareTreeInAnyStateGivesTheSameSite() throws {
        let root = try seedWorkspace("output-safety")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let public_ = root + "/public", spare = root + "/.public.dossier-spare"
        let layout = root + "/templates/layout.mustache"
        let original = try String(contentsOfFile: layout, encoding: .utf8)
        try SiteBuilder.build(options(root, output: public_))
        writeFiles(["public/CNAME": "d.example.org\n"], under: root)
        try (original + "<!-- v2 -->\n").write(toFile: layout, atomically: true, encoding: .utf8)
        try SiteBuilder.build(options(root, output: public_))
        #expect(FileManager.default.fileExists(atPath: spare + "/index.html"))
        // The spare as a killed build or a person may leave it: extra files, a file where a
        // folder goes, a folder where a file goes, a page missing.
        try FileManager.default.removeItem(atPath: spare + "/index.html")
        writeFiles([".public.dossier-spare/stray.html": "x", ".public.dossier-spare/people/stray/index.html": "x",
                    ".public.dossier-spare/index.html/x": "x"], under: root)
        try? FileManager.default.removeItem(atPath: spare + "/articles")
        try "x".write(toFile: spare + "/articles", atomically: true, encoding: .utf8)
        try? FileManager.default.removeItem(atPath: spare + "/assets/style.css")
        try (original + "<!-- v3 -->\n").write(toFile: layout, atomically: true, encoding: .utf8)
        let home = try String(contentsOfFile: public_ + "/index.html", encoding: .utf8)
        try SiteBuilder.build(options(root, output: public_))
        // The old site was never touched through the spare's links; the new one is exactly a first build's.
        #expect(home.contains("<!-- v2 -->"))
        #expect(try String(contentsOfFile: public_ + "/index.html", encoding: .utf8).contains("<!-- v3 -->"))
        try FileManager.default.removeItem(atPath: public_ + "/CNAME")
        try SiteBuilder.build(options(root, output: root + "/fresh"))
        #expect(files(public_) == files(root + "/fresh"))
        // Deleting the spare is always safe.
        try FileManager.default.removeItem(atPath: spare)
        try (original + "<!-- v4 -->\n").write(toFile: layout, atomically: true, encoding: .utf8)
        try SiteBuilder.build(options(root, output: public_))
        try SiteBuilder.build(options(root, output: root + "/fresh"))
        #expect(files(public_) == files(root + "/fresh"))
    }

    @Test func aSwapInterruptedBeforeItsManifestIsCompletedByTheNextBuild() throws {
        let root = try seedWorkspace("output-safety")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let public_ = root + "/public"
        try SiteBuilder.build(options(root, output: public_))
        // As a build killed right after its swap leaves it: the new manifest still pending.
        let manifest = root + "/.public.dossier-manifest", pending = root + "/.public.dossier-manifest-pending"
        try FileManager.default.moveItem(atPath: manifest, toPath: pending)
        try "dossier-manifest 2\nfolder 1\nend 0 0\n".write(toFile: manifest, atomically: true, encoding: .utf8)
        writeFiles(["public/CNAME": "d.example.org\n"], under: root)
        let home = inode(public_ + "/index.html")
        try SiteBuilder.build(options(root, output: public_))
        #expect(inode(public_ + "/index.html") == home)
        #expect(!FileManager.default.fileExists(atPath: pending))
        #expect(FileManager.default.fileExists(atPath: public_ + "/CNAME"))
    }

    @Test func twoBuildsIntoOneFolderDoNotRunAtOnce() throws {
        let root = temporaryFolder("output-safety")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let first = try SiteWriter(output: root + "/public")
        #expect(throws: OutputRefusal.self) { try SiteWriter(output: root + "/public") }
        first.abort()
    }

    @Test func anArticleRenamedWhileTheBuildReadsIsFoundUnderItsNewName() throws {
        let root = try seedWorkspace("output-safety")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let articles = root + "/content/articles"
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: articles).sorted().first)
        var calls = 0
        let snapshot = try InputSnapshot.read(content: root + "/content", templates: root + "/templates") { folder in
            calls += 1
            let loaded = ContentLoader.load(folder)
            // The rename lands after the folder was listed.
            if calls == 1 { try? FileManager.default.moveItem(atPath: articles + "/" + name, toPath: articles + "/zz-renamed.md") }
            return loaded
        }
        #expect(calls == 2)
        let ids = snapshot.loaded.content.articles.map(\.id)
        #expect(ids.contains("zz-renamed") && !ids.contains(String(name.dropLast(3))))

        // Inputs that never settle fail the build, naming the file.
        var counter = 0
        let error = #expect(throws: ContentErrors.self) {
            _ = try InputSnapshot.read(content: root + "/content", templates: root + "/templates") { folder in
                counter += 1
                try? "---\ntitle: t\ndate: 2024-01-01\n---\n\(counter)\n".write(toFile: articles + "/zz-renamed.md", atomically: true, encoding: .utf8)
                return ContentLoader.load(folder)
            }
        }
        #expect(error?.description.contains("zz-renamed.md") == true)
    }
}
