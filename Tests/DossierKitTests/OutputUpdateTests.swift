import Foundation
import Testing
@testable import DossierKit

/// A build over an existing site leaves unchanged files alone, writes the changed ones,
/// removes the ones it no longer makes, and ends exactly where a build from nothing ends.
@Suite(.serialized) struct OutputUpdateTests {
    func workspace() throws -> String { try seedWorkspace("output-update") }

    func build(_ root: String, into output: String = "public") throws {
        try SiteBuilder.build(BuildOptions(content: root + "/content", templates: root + "/templates", output: root + "/" + output))
    }

    /// Every entry under `folder` (files and folders, hidden ones too) → its bytes (nil for a folder).
    func tree(_ folder: String) -> [String: Data?] {
        var result: [String: Data?] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: folder)?.allObjects ?? [] {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder)
            result[path] = isFolder.boolValue ? .some(nil) : FileManager.default.contents(atPath: folder + "/" + path)
        }
        return result
    }

    struct Identity: Equatable {
        var inode: UInt64
        var modified: Int64
    }

    func identity(_ path: String) -> Identity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Identity(inode: UInt64(info.st_ino), modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }

    func articleFile(_ root: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: root + "/content/articles").filter { $0.hasSuffix(".md") }.sorted()
        return root + "/content/articles/" + (try #require(names.first))
    }

    @Test func unchangedFilesAreLeftAloneAndChangedOnesRewritten() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try build(root)
        let home = root + "/public/index.html"
        let before = try #require(identity(home))
        let file = try articleFile(root)
        let id = String(file.split(separator: "/").last!.dropLast(3))
        let page = root + "/public/articles/\(id)/index.html"
        let pageBefore = try #require(identity(page))

        // Nothing changed: not one file is written again.
        try build(root)
        #expect(identity(home) == before)
        #expect(identity(page) == pageBefore)

        // One sentence more in one article: its page is replaced, the home page is not.
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try (text + "\nएक नया वाक्य।\n").write(toFile: file, atomically: true, encoding: .utf8)
        try build(root)
        #expect(identity(page) != pageBefore)
        #expect(try String(contentsOfFile: page, encoding: .utf8).contains("एक नया वाक्य।"))
        #expect(identity(home) == before)

        try build(root, into: "fresh")
        #expect(tree(root + "/public") == tree(root + "/fresh"))
    }

    @Test func filesNoLongerMadeAreRemovedAndOthersKept() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try build(root)
        writeFiles(["public/CNAME": "dossier.example.org\n"], under: root)
        let file = try articleFile(root)
        let id = String(file.split(separator: "/").last!.dropLast(3))
        #expect(FileManager.default.fileExists(atPath: root + "/public/articles/\(id)/index.html"))
        try FileManager.default.removeItem(atPath: file)
        try build(root)
        // The article's folder went with its page; a file no build wrote stays.
        #expect(!FileManager.default.fileExists(atPath: root + "/public/articles/\(id)"))
        #expect(FileManager.default.fileExists(atPath: root + "/public/CNAME"))
        try FileManager.default.removeItem(atPath: root + "/public/CNAME")
        try build(root, into: "fresh")
        #expect(tree(root + "/public") == tree(root + "/fresh"))
    }

    @Test func aFileChangedByHandIsWrittenAgain() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try build(root)
        let css = root + "/public/assets/style.css"
        let original = try Data(contentsOf: URL(fileURLWithPath: css))
        try "body{}".write(toFile: css, atomically: false, encoding: .utf8)
        let page = root + "/public/index.html"
        let pageText = try Data(contentsOf: URL(fileURLWithPath: page))
        try FileManager.default.removeItem(atPath: page)
        try build(root)
        #expect(try Data(contentsOf: URL(fileURLWithPath: css)) == original)
        #expect(try Data(contentsOf: URL(fileURLWithPath: page)) == pageText)
    }

    @Test func aFailedRebuildLeavesTheSiteAndNoTemporaryFiles() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try build(root)
        let before = tree(root + "/public")
        let file = try articleFile(root)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        // A new article (its folder would be new) and a broken annotation in another.
        writeFiles(["content/articles/zz-new.md": "---\ntitle: नया\ndate: 2024-12-01\n---\n\nनया लेख।\n"], under: root)
        try (text + "\n[किम](person:kim-jong-on)\n").write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: ContentErrors.self) { try build(root) }
        #expect(tree(root + "/public") == before)
    }

    @Test func withoutAManifestTheOutputIsReplacedOnlyWithClean() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        writeFiles(["public/old.html": "<p>from something else</p>\n"], under: root)
        #expect(throws: OutputRefusal.self) { try build(root) }
        #expect(FileManager.default.fileExists(atPath: root + "/public/old.html"))
        try SiteBuilder.build(BuildOptions(content: root + "/content", templates: root + "/templates", output: root + "/public", clean: true))
        #expect(!FileManager.default.fileExists(atPath: root + "/public/old.html"))
        #expect(FileManager.default.fileExists(atPath: root + "/.public.dossier-manifest"))
        try build(root, into: "fresh")
        #expect(tree(root + "/public") == tree(root + "/fresh"))
    }

    /// Folders made in a fresh group (ext4's TOPDIR hint for one folder, under a temporary
    /// name) end under their own names, with the hint off again and nothing left beside them.
    @Test func foldersSpreadOverGroupsLeaveNoTraceAndNoHint() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let parent = root + "/spread"
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        for n in 0..<3 {
            let made = SiteWriter.makeInFreshGroup(parent + "/a\(n)", parent: parent)
            #expect(made == FileManager.default.fileExists(atPath: parent + "/a\(n)"))
            if !made { #expect(mkdir(parent + "/a\(n)", 0o755) == 0) }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent).sorted() == ["a0", "a1", "a2"])
        let descriptor = open(parent, O_RDONLY | O_DIRECTORY)
        defer { close(descriptor) }
        var flags: Int = 0
        if ioctl(descriptor, SiteWriter.getFlags, &flags) == 0 { #expect(flags & SiteWriter.topDirectory == 0) }
        // A whole build: every folder under its name.
        try build(root)
        #expect(tree(root + "/public").keys.filter { $0.contains(".dossier-folder-") }.isEmpty)
        #expect(FileManager.default.fileExists(atPath: root + "/public/people/kim-jong-un/index.html"))
    }

    @Test func contentHashIsXXH64WhateverThePieces() {
        func hash(_ pieces: [String]) -> UInt64 {
            var hash = ContentHash()
            for piece in pieces { hash.add(piece) }
            return hash.value
        }
        // Reference values from the xxhash package (Python), seed 0.
        #expect(hash([]) == 0xEF46_DB37_51D8_E999)
        #expect(hash(["a"]) == 0xD24E_C4F1_A98C_6E5B)
        #expect(hash(["abc"]) == 0x44BC_2CF5_AD77_0999)
        #expect(hash(["Nobody inspects the spammish repetition"]) == 0xFBCE_A83C_8A37_8BF1)
        // Fed in two pieces cut anywhere (inside a stripe, at its edge, inside a character).
        let bytes = Array("Nobody inspects the spammish repetition, किम जोंग उन ने कहा।".utf8)
        var whole = ContentHash()
        bytes.withUnsafeBytes { whole.add($0) }
        #expect(whole.value == 0x8649_70B2_2EF5_7FC8)
        for cut in [1, 7, 31, 32, 33, 40, 45, bytes.count - 1] {
            var pieces = ContentHash()
            bytes[..<cut].withUnsafeBytes { pieces.add($0) }
            bytes[cut...].withUnsafeBytes { pieces.add($0) }
            #expect(pieces.value == whole.value, "cut at \(cut)")
        }
    }
}
