import Foundation
import Testing
@testable import DossierKit

/// A small synthetic corpus (from shared/bench/gen_corpus.py) must build to exactly the
/// files recorded in `Fixtures/golden/manifest.txt`: optimisations may not change output.
/// When output changes on purpose, record it again with `make golden` and review the diff.
@Suite(.serialized) struct GoldenOutputTests {
    static let fixture = repositoryRoot + "/Tests/DossierKitTests/Fixtures/golden"

    /// "path size hash" per file, sorted by path.
    static func manifest(of folder: String) -> String {
        let files = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).filter {
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder + "/" + $0, isDirectory: &isFolder) && !isFolder.boolValue
        }.sorted()
        return files.map { path -> String in
            let bytes = [UInt8](FileManager.default.contents(atPath: folder + "/" + path) ?? Data())
            return "\(path) \(bytes.count) \(String(FNV1a.hash64(bytes), radix: 16))"
        }.joined(separator: "\n") + "\n"
    }

    @Test func buildsExactlyTheRecordedOutput() throws {
        let output = temporaryFolder("golden") + "/public"
        defer { try? FileManager.default.removeItem(atPath: (output as NSString).deletingLastPathComponent) }
        // Small pages so that entity pagination is part of what is compared.
        try SiteBuilder.build(BuildOptions(content: Self.fixture + "/content", templates: repositoryRoot + "/templates",
                                           output: output, pageSize: 20))
        let actual = Self.manifest(of: output)
        let path = Self.fixture + "/manifest.txt"
        if ProcessInfo.processInfo.environment["DOSSIER_UPDATE_GOLDEN"] != nil {
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        let wanted = Set(expected.split(separator: "\n")), got = Set(actual.split(separator: "\n"))
        #expect(wanted.subtracting(got).sorted().prefix(10) == [], "expected but not built (or different)")
        #expect(got.subtracting(wanted).sorted().prefix(10) == [], "built but not recorded (or different)")
        #expect(actual.split(separator: "\n").count > 60)
    }
}
